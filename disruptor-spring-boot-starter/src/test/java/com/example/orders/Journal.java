package com.example.orders;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.disruptor.core.EventHandler;
import io.github.disruptor.spring.DisruptorHandler;

/** Stage 0: records every order before anything acts on it. */
@DisruptorHandler(ring = "orders", stage = 0)
public class Journal implements EventHandler<OrderEvent> {

    private final Set<Long> journaled = ConcurrentHashMap.newKeySet();

    @Override
    public void onEvent(OrderEvent order, long sequence, boolean endOfBatch) {
        journaled.add(order.id());
    }

    public boolean hasJournaled(long orderId) {
        return journaled.contains(orderId);
    }
}
