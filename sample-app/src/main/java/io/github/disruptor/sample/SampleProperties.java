package io.github.disruptor.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The sample's own settings, under {@code sample}.
 *
 * @param symbols the instruments that trade; validation rejects orders for any other symbol
 * @param maxOrderQuantity the largest quantity one order may have; validation rejects larger orders
 * @param journal where accepted orders are journaled, and what happens when the disk fails
 * @param http limits of the HTTP API
 * @param idempotency how many {@code Idempotency-Key}s are remembered
 * @param load the built-in load generator
 * @param readModel how much history {@code GET /orders/{id}} and {@code GET /trades} keep
 */
@ConfigurationProperties("sample")
public record SampleProperties(
        @DefaultValue({"ACME", "GLOBEX", "INITECH"}) List<String> symbols,
        @DefaultValue("10000") long maxOrderQuantity,
        @DefaultValue Journal journal,
        @DefaultValue Http http,
        @DefaultValue Idempotency idempotency,
        @DefaultValue Load load,
        @DefaultValue ReadModel readModel) {

    public SampleProperties {
        symbols = List.copyOf(symbols);
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("sample.symbols must name at least one symbol, for example ACME");
        }
        for (String symbol : symbols) {
            if (!OrderRequest.isSymbol(symbol)) {
                throw new IllegalArgumentException("sample.symbols must list symbols of 1 to 12 upper-case letters, "
                        + "digits or dots, starting with a letter (for example ACME), but lists '" + symbol + "'");
            }
        }
        if (maxOrderQuantity < 1) {
            throw new IllegalArgumentException(
                    "sample.max-order-quantity must be at least 1, was " + maxOrderQuantity);
        }
    }

    /**
     * @param directory the journal's directory, created if missing; replayed on start
     * @param fsync whether each batch is forced to the storage device, not only handed to the OS:
     *        survives a power cut, costs a device write per batch
     * @param ackTimeout how long {@code POST /orders} waits for the journal to write an order before it answers 503
     * @param retry how the journal retries a write that failed before it halts
     */
    public record Journal(@DefaultValue("target/journal") Path directory, @DefaultValue("false") boolean fsync,
            @DefaultValue("5s") Duration ackTimeout, @DefaultValue Retry retry) {

        public Journal {
            if (ackTimeout.isNegative() || ackTimeout.isZero()) {
                throw new IllegalArgumentException("sample.journal.ack-timeout must be positive, was " + ackTimeout);
            }
        }
    }

    /**
     * @param maxAttempts attempts at one write, the first included; after the last failed one the journal halts
     * @param backOff the pause after the first failed attempt; it doubles after each further one, up to 2 s
     */
    public record Retry(@DefaultValue("5") int maxAttempts, @DefaultValue("200ms") Duration backOff) {

        public Retry {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("sample.journal.retry.max-attempts must be at least 1, was "
                        + maxAttempts);
            }
            if (backOff.isNegative()) {
                throw new IllegalArgumentException("sample.journal.retry.back-off must not be negative, was " + backOff);
            }
        }
    }

    /** @param maxRequestSize the largest request body accepted; a larger one is answered 413 before it is read */
    public record Http(@DefaultValue("16KB") DataSize maxRequestSize) {

        public Http {
            if (maxRequestSize.toBytes() < 1) {
                throw new IllegalArgumentException("sample.http.max-request-size must be at least 1B, was " + maxRequestSize);
            }
        }
    }

    /** @param maxKeys how many of the latest keys are remembered, with the orders they placed */
    public record Idempotency(@DefaultValue("100000") int maxKeys) {

        public Idempotency {
            if (maxKeys < 1) {
                throw new IllegalArgumentException("sample.idempotency.max-keys must be at least 1, was " + maxKeys);
            }
        }
    }

    /**
     * @param enabled whether the load generator publishes orders from the start
     * @param rate orders per second
     */
    public record Load(@DefaultValue("false") boolean enabled, @DefaultValue("500") int rate) {

        public Load {
            if (rate < 1) {
                throw new IllegalArgumentException("sample.load.rate must be at least 1 order per second, was " + rate);
            }
        }
    }

    /**
     * @param maxOrders how many of the latest orders {@code GET /orders/{id}} can show
     * @param maxTrades how many of the latest trades {@code GET /trades} can show
     */
    public record ReadModel(@DefaultValue("100000") int maxOrders, @DefaultValue("10000") int maxTrades) {

        public ReadModel {
            if (maxOrders < 1 || maxTrades < 1) {
                throw new IllegalArgumentException("sample.read-model.max-orders and max-trades must be at least 1, were "
                        + maxOrders + " and " + maxTrades);
            }
        }
    }
}
