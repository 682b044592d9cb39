package io.github.disruptor.spring.autoconfigure;

import java.util.concurrent.atomic.AtomicLong;

import io.github.disruptor.core.EventHandler;

/** Counts the events it handled; for tests that only care how many got through. */
public class CountingHandler implements EventHandler<OrderEvent> {

    private final AtomicLong handled = new AtomicLong();

    @Override
    public void onEvent(OrderEvent event, long sequence, boolean endOfBatch) {
        handled.incrementAndGet();
    }

    public long handled() {
        return handled.get();
    }
}
