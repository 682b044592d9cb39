package io.github.disruptor.sample;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import io.github.disruptor.core.DisruptorClosedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP API: places orders into the ring, and reads results from the read model and market data.
 * Errors are RFC 9457 problem details ({@link ApiErrors}).
 */
@RestController
class OrderController {

    /** Seconds a client should wait after a 503: a full ring drains in microseconds to milliseconds. */
    static final String RETRY_AFTER_SECONDS = "1";
    static final int MAX_TRADES_PER_REQUEST = 1000;

    private final OrderIntake intake;
    private final ReadModel readModel;
    private final MarketData marketData;
    private final SampleProperties properties;

    OrderController(OrderIntake intake, ReadModel readModel, MarketData marketData, SampleProperties properties) {
        this.intake = intake;
        this.readModel = readModel;
        this.marketData = marketData;
        this.properties = properties;
    }

    /** 202 with the order's id once the order is in the ring; 503 with Retry-After when the ring is full. */
    @PostMapping("/orders")
    ResponseEntity<?> place(@RequestBody OrderRequest request) {
        String symbol = request.checkedSymbol();
        Side side = request.checkedSide();
        long price = request.checkedPrice();
        long quantity = request.checkedQuantity();
        OptionalLong id;
        try {
            id = intake.tryPlace(symbol, side, price, quantity);
        } catch (DisruptorClosedException ex) {
            return unavailable("the application is shutting down and accepts no new orders");
        }
        if (id.isEmpty()) {
            return unavailable("the orders ring is full: the pipeline is behind; nothing was accepted");
        }
        return ResponseEntity.accepted()
                .location(URI.create("/orders/" + id.getAsLong()))
                .body(Map.of("id", id.getAsLong()));
    }

    @GetMapping("/orders/{id}")
    ResponseEntity<?> order(@PathVariable long id) {
        return readModel.order(id).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "No order " + id + " yet: an order shows here once "
                        + "the matching engine has handled it, a moment after POST /orders accepted it; only the latest "
                        + properties.readModel().maxOrders() + " orders are kept (sample.read-model.max-orders)"));
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

    /** The best price levels of a symbol's book. */
    @GetMapping("/books/{symbol}")
    ResponseEntity<?> book(@PathVariable String symbol) {
        if (!properties.symbols().contains(symbol)) {
            return problem(HttpStatus.NOT_FOUND,
                    "No book for '" + symbol + "'; listed symbols (sample.symbols): " + properties.symbols());
        }
        return ResponseEntity.ok(marketData.book(symbol).orElseGet(() -> BookView.empty(symbol)));
    }

    private static ResponseEntity<ProblemDetail> unavailable(String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
