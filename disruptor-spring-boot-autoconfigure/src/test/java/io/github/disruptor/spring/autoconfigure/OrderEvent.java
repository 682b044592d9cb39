package io.github.disruptor.spring.autoconfigure;

/** A mutable test event, reused by the ring. */
public class OrderEvent {

    long id;

    public long id() {
        return id;
    }
}
