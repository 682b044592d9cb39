package io.github.disruptor.sample;

import io.github.disruptor.spring.DisruptorHandler;
import org.springframework.stereotype.Component;

/**
 * Stage 0, beside the journal: the business rules an order must pass before it may trade. The HTTP
 * layer has already refused what is not an order at all (400); what this stage refuses was accepted,
 * journaled and is rejected the same way on every replay, because replay applies the rules recorded
 * in the journal ({@link ValidationRules}), not today's settings.
 *
 * <p>A method-level handler: the bean stays an ordinary component, and the annotated method
 * becomes the handler {@code orderValidator.validate}. An exception here is a bug, never a rule: its
 * exception handler, {@link DeadLetters}, sets the order aside so that no order reaches matching
 * unvalidated.
 */
@ConditionalOnSampleMode(SampleMode.STANDALONE)
@Component
public class OrderValidator {

    private final ValidationRules rules;

    public OrderValidator(SampleProperties properties) {
        this.rules = ValidationRules.of(properties);
    }

    /** The rules new orders are validated with: today's settings. */
    ValidationRules rules() {
        return rules;
    }

    @DisruptorHandler(ring = "orders", stage = 0, exceptionHandler = "deadLetters")
    public void validate(OrderEvent order) {
        validate(order, rules);
    }

    /** Validates with the rules an order was accepted under: how replay decides journaled orders. */
    void validate(OrderEvent order, ValidationRules rulesInForce) {
        order.rejection(rulesInForce.rejectionOf(order));
    }
}
