package com.example.orders;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import io.github.disruptor.core.EventPublisher;

/** Takes orders and publishes them to the ring. */
@Service
public class OrderDesk {

    @Autowired
    private EventPublisher<OrderEvent> orders;

    public void place(long id, long quantity) {
        orders.publish((event, sequence) -> event.set(id, quantity));
    }

    EventPublisher<OrderEvent> publisher() {
        return orders;
    }
}
