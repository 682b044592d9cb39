package io.github.disruptor.spring.autoconfigure;

/** A mutable test event, reused by the ring. */
public class OrderEvent {

    private long id;

    public long id() {
        return id;
    }

    public static void setId(OrderEvent event, long sequence, Long id) {
        event.id = id;
    }
}
