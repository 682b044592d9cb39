package io.github.disruptor.sample;

import io.github.disruptor.spring.DisruptorHandler;
import org.springframework.stereotype.Component;

/**
 * Stage 2: publishes what the matching engine decided (statuses, trades, rejections) to the read
 * model, off the matching engine's thread. In a real exchange this stage would also send execution
 * reports to clients and market data to subscribers.
 *
 * <p>A method-level handler, named {@code orderResults.publish}. A handler method takes the event, or
 * the event, its sequence and the end-of-batch flag as {@link io.github.disruptor.core.EventHandler} does.
 */
@Component
public class OrderResults {

    private final ReadModel readModel;

    public OrderResults(ReadModel readModel) {
        this.readModel = readModel;
    }

    @DisruptorHandler(ring = "orders", stage = 2)
    public void publish(OrderEvent order) {
        // Kafka mode: a replayed order was shown when it was first matched here, or belongs to another instance's
        // history; an order without a status was dropped by matching after a failed transaction and is read again
        if (order.status() != null && !order.replay()) {
            readModel.record(order);
        }
    }
}
