package io.github.disruptor.sample;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sample's own settings, under {@code sample}.
 *
 * @param symbols the instruments that trade; validation rejects orders for any other symbol
 * @param maxOrderQuantity the largest quantity one order may have; validation rejects larger orders
 * @param journal where accepted orders are journaled
 * @param load the built-in load generator
 * @param readModel how much history {@code GET /orders/{id}} and {@code GET /trades} keep
 */
@ConfigurationProperties("sample")
public record SampleProperties(
        @DefaultValue({"ACME", "GLOBEX", "INITECH"}) List<String> symbols,
        @DefaultValue("10000") long maxOrderQuantity,
        @DefaultValue Journal journal,
        @DefaultValue Load load,
        @DefaultValue ReadModel readModel) {

    public SampleProperties {
        symbols = List.copyOf(symbols);
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("sample.symbols must name at least one symbol, for example ACME");
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
     */
    public record Journal(@DefaultValue("target/journal") Path directory, @DefaultValue("false") boolean fsync) {
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
