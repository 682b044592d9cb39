package io.github.disruptor.sample;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP API: places orders through the {@link OrderEntry}, and reads results from the read model and
 * market data. Errors are RFC 9457 problem details ({@link ApiErrors}).
 */
@RestController
class OrderController {

    /** Seconds a client should wait after a 503: a full ring drains in microseconds to milliseconds. */
    static final String RETRY_AFTER_SECONDS = "1";
    /** Set on a 202 that answers a retry: the order was placed by an earlier request with the same key. */
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    static final int MAX_TRADES_PER_REQUEST = 1000;

    private final OrderEntry entry;
    private final ReadModel readModel;
    private final MarketData marketData;
    private final DeadLetters deadLetters;
    private final SampleProperties properties;
    private final ObjectProvider<OrderWhereabouts> whereabouts;

    OrderController(OrderEntry entry, ReadModel readModel, MarketData marketData, DeadLetters deadLetters,
            SampleProperties properties, ObjectProvider<OrderWhereabouts> whereabouts) {
        this.entry = entry;
        this.readModel = readModel;
        this.marketData = marketData;
        this.deadLetters = deadLetters;
        this.properties = properties;
        this.whereabouts = whereabouts;
    }

    /**
     * 202 with the order's id once the order is journaled; 503 with Retry-After when it is not (the ring is
     * full, the journal cannot write); 422 when the {@code Idempotency-Key} stands for another order.
     */
    @PostMapping("/orders")
    ResponseEntity<?> place(@RequestBody OrderRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        OrderTicket order = request.ticket();
        if (idempotencyKey != null) {
            String problem = IdempotencyKeys.problemWith(idempotencyKey);
            if (problem != null) {
                return problem(HttpStatus.BAD_REQUEST, problem);
            }
        }
        Placement placement = entry.place(order, idempotencyKey);
        if (placement instanceof Placement.Accepted accepted) {
            ResponseEntity.BodyBuilder answer = ResponseEntity.accepted()
                    .location(URI.create("/orders/" + accepted.orderId()));
            if (accepted.retried()) {
                answer.header(IDEMPOTENT_REPLAYED, "true");
            }
            return answer.body(Map.of("id", accepted.orderId()));
        }
        if (placement instanceof Placement.KeyReused reused) {
            return problem(HttpStatus.UNPROCESSABLE_CONTENT, reused.detail());
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                        ((Placement.Refused) placement).reason()));
    }

    @GetMapping("/orders/{id}")
    ResponseEntity<?> order(@PathVariable long id) {
        return readModel.order(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> readModel.evicted(id)
                ? problem(HttpStatus.NOT_FOUND, "Order " + id + " is older than the latest "
                        + properties.readModel().maxOrders() + " orders the read model keeps"
                        + " (sample.read-model.max-orders), so it is no longer shown")
                : problem(HttpStatus.NOT_FOUND, whereabouts.getIfAvailable(() -> orderId -> "No order " + orderId
                        + " yet: an order shows here once the matching engine has handled it, a moment after POST /orders"
                        + " accepted it").notShownHere(id)));
    }

    /** The latest trades, newest first. */
    @GetMapping("/trades")
    ResponseEntity<?> trades(@RequestParam(required = false) String symbol,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_TRADES_PER_REQUEST) {
            return problem(HttpStatus.BAD_REQUEST,
                    "limit must be from 1 to " + MAX_TRADES_PER_REQUEST + ", was " + limit);
        }
        List<TradeView> trades = readModel.trades(symbol, limit);
        return ResponseEntity.ok(trades);
    }

    /** The latest orders set aside because a stage failed on them unexpectedly, newest first. */
    @GetMapping("/dead-letters")
    List<DeadLetters.DeadLetter> deadLetters() {
        return deadLetters.latest();
    }

    /** The best price levels of a symbol's book: of a listed symbol, or of one listed when its orders were accepted. */
    @GetMapping("/books/{symbol}")
    ResponseEntity<?> book(@PathVariable String symbol) {
        return marketData.book(symbol).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() ->
                properties.symbols().contains(symbol) ? ResponseEntity.ok(BookView.empty(symbol))
                        : problem(HttpStatus.NOT_FOUND, "No book for " + Echo.text(symbol)
                                + "; listed symbols (sample.symbols): " + properties.symbols()));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
