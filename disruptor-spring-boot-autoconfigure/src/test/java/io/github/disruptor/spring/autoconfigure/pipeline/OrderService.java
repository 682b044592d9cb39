package io.github.disruptor.spring.autoconfigure.pipeline;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import io.github.disruptor.core.EventPublisher;
import io.github.disruptor.spring.autoconfigure.AuditEvent;
import io.github.disruptor.spring.autoconfigure.OrderEvent;

/** A producer as users write it: publishers injected by generic type and by qualifier. */
@Service
public class OrderService {

    public final EventPublisher<OrderEvent> orders;
    public final EventPublisher<AuditEvent> audit;

    public OrderService(EventPublisher<OrderEvent> orders, @Qualifier("audit") EventPublisher<AuditEvent> audit) {
        this.orders = orders;
        this.audit = audit;
    }

    public void place(long id) {
        orders.publish(OrderEvent::setId, id);
        audit.publish(AuditEvent::setText, "order " + id);
    }
}
