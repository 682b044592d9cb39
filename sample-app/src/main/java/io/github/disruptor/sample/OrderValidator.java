package io.github.disruptor.sample;

import java.util.Set;

import io.github.disruptor.spring.DisruptorHandler;
import org.springframework.stereotype.Component;

/**
 * Stage 0, beside the journal: the business rules an order must pass before it may trade. The HTTP
 * layer has already refused what is not an order at all (400); what this stage refuses was accepted,
 * journaled and is rejected the same way on every replay.
 *
 * <p>A method-level handler: the bean stays an ordinary component, and the annotated method
 * becomes the handler {@code orderValidator.validate}.
 */
@Component
public class OrderValidator {

    private final Set<String> symbols;
    private final String listedSymbols;
    private final long maxOrderQuantity;

    public OrderValidator(SampleProperties properties) {
        this.symbols = Set.copyOf(properties.symbols());
        this.listedSymbols = String.join(", ", properties.symbols());
        this.maxOrderQuantity = properties.maxOrderQuantity();
    }

    @DisruptorHandler(ring = "orders", stage = 0)
    public void validate(OrderEvent order) {
        order.rejection(rejectionOf(order));
    }

    private String rejectionOf(OrderEvent order) {
        if (!symbols.contains(order.symbol())) {
            return "unknown symbol '" + order.symbol() + "'; listed symbols (sample.symbols): " + listedSymbols;
        }
        if (order.quantity() > maxOrderQuantity) {
            return "quantity " + order.quantity() + " exceeds the maximum order quantity of " + maxOrderQuantity
                    + " (sample.max-order-quantity)";
        }
        return null;
    }
}
