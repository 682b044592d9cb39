package io.github.disruptor.spring.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.disruptor.core.EventHandler;

/** Remembers the ids it saw, and the name of the thread that saw each. */
public class RecordingHandler implements EventHandler<OrderEvent> {

    final List<Long> ids = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch expected = new CountDownLatch(0);

    void expect(int events) {
        expected = new CountDownLatch(events);
    }

    boolean awaitExpected() throws InterruptedException {
        return expected.await(10, TimeUnit.SECONDS);
    }

    @Override
    public void onEvent(OrderEvent event, long sequence, boolean endOfBatch) {
        record(event);
    }

    void record(OrderEvent event) {
        ids.add(event.id);
        threads.add(Thread.currentThread().getName());
        expected.countDown();
    }
}
