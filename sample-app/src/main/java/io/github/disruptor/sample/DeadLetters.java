package io.github.disruptor.sample;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import io.github.disruptor.core.ExceptionAction;
import io.github.disruptor.core.ExceptionHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

/**
 * Where an order goes that validation failed on unexpectedly (a bug, not a rule: a rule rejects the order, which
 * then shows as {@code REJECTED}): the exception handler of {@link OrderValidator}'s handler. It copies the order
 * out of the ring's event, which the ring reuses, logs it, keeps the latest {@value #KEPT} for
 * {@code GET /dead-letters}, and discards the event, so the matching engine never trades an order that was not
 * validated. The ring counts each one in {@code disruptor.handler.discarded}. The journal's replay sets such an
 * order aside the same way, so a restart rebuilds the same books.
 *
 * <p>It runs on the validator's thread, and only when an order failed: the copy and the lock cost nothing on the
 * path of the orders that pass.
 */
@Component
public class DeadLetters implements ExceptionHandler {

    static final int KEPT = 1000;

    private static final Log logger = LogFactory.getLog(DeadLetters.class);

    private final ArrayDeque<DeadLetter> newestFirst = new ArrayDeque<>();

    @Override
    public ExceptionAction handleEventException(Throwable failure, long sequence, Object event, String handlerName) {
        OrderEvent order = (OrderEvent) event;
        DeadLetter letter = new DeadLetter(order.orderId(), order.symbol(), order.side(),
                Prices.toAmount(order.price()), order.quantity(), Instant.ofEpochMilli(order.acceptedAt()), handlerName,
                failure.toString(), Instant.now());
        logger.error("Order " + letter.orderId() + " (" + letter.side() + " " + letter.quantity() + " " + letter.symbol()
                + " at " + letter.price() + ") failed in " + handlerName + " and was set aside: it is journaled but never"
                + " matched. GET /dead-letters lists it", failure);
        synchronized (newestFirst) {
            newestFirst.addFirst(letter);
            if (newestFirst.size() > KEPT) {
                newestFirst.removeLast();
            }
        }
        return ExceptionAction.DISCARD;
    }

    /** The latest orders set aside, newest first. */
    List<DeadLetter> latest() {
        synchronized (newestFirst) {
            return new ArrayList<>(newestFirst);
        }
    }

    /**
     * An order set aside, copied out of the ring's event.
     *
     * @param orderId the id {@code POST /orders} answered with
     * @param symbol the instrument
     * @param side buy or sell
     * @param price the limit price
     * @param quantity the ordered quantity
     * @param acceptedAt when {@code POST /orders} accepted it
     * @param handler the handler that failed on it
     * @param failure what it threw
     * @param failedAt when
     */
    public record DeadLetter(long orderId, String symbol, Side side, BigDecimal price, long quantity, Instant acceptedAt,
            String handler, String failure, Instant failedAt) {
    }
}
