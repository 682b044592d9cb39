package io.github.disruptor.sample;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kafka mode's records, as JSON, and the ids derived from where they are.
 *
 * <p>An accepted order on the orders topic, key = its symbol:
 * {@code {"symbol":"ACME","side":"BUY","price":101.00,"quantity":4,"acceptedAt":"2026-12-01T15:04:05.123Z"}},
 * with {@code idempotencyKey} and {@code rejection} (why the accepting instance's validation refused it) when
 * there are. The record holds everything matching decides on, so a symbol's trades depend only on its partition's
 * records, whichever instance reads them and whatever its settings.
 *
 * <p>An order's id is not in its record: it is where the broker put it, {@code partition × 10^12 + offset + 1}
 * (partition 2, offset 41: {@code 2000000000042}). The broker's acknowledgement tells {@code POST /orders} the id,
 * every reader derives the same id from the record, and no two records share one, across instances and restarts,
 * with no coordination. Trade ids count per partition in the same range ({@code partition × 10^12 + n}).
 *
 * <p>A trade on the trades topic, key = its symbol, as {@code GET /trades} shows it ({@link TradeView}):
 * {@code {"id":…,"symbol":"ACME","price":100.00,"quantity":4,"buyOrderId":…,"sellOrderId":…,"takerSide":"BUY",
 * "executedAt":"…"}}.
 */
final class OrderRecords {

    /** Ids of one partition: up to 10^12 per partition, and ids stay below 2^53 up to partition 9006 (exact in JavaScript). */
    static final long PARTITION_STRIDE = 1_000_000_000_000L;

    /** The wire format is the sample's own, whatever {@code spring.jackson.*} does to the HTTP API. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // a newer writer may add fields
            .build();

    private OrderRecords() {
    }

    /** The value of an accepted order's record. */
    static String order(OrderTicket order, Instant acceptedAt, String idempotencyKey, String rejection) {
        return JSON.writeValueAsString(new OrderRecord(order.symbol(), order.side().name(), Prices.toAmount(order.price()),
                BigDecimal.valueOf(order.quantity()), acceptedAt, idempotencyKey, rejection));
    }

    /**
     * Fills {@code event} from an order record: its id, the order, the accepting instance's decision, where it
     * came from and whether it is a replay. Clears the outcome, so an event the matching stage drops shows none.
     *
     * @throws IllegalArgumentException naming what is wrong, if the record is not an order this sample wrote: a
     *         poison record, which goes to the dead-letter topic
     */
    static void read(ConsumerRecord<String, String> record, OrderEvent event, boolean replay) {
        if (record.value() == null) {
            throw new IllegalArgumentException("an order record must have a value; this one has none (a tombstone)");
        }
        OrderRecord order;
        OrderTicket ticket;
        try {
            order = JSON.readValue(record.value(), OrderRecord.class);
            ticket = new OrderRequest(order.symbol(), order.side(), order.price(), order.quantity()).ticket();
        } catch (JacksonException | OrderRequest.InvalidOrderException unreadable) {
            throw new IllegalArgumentException("not an order record: " + unreadable.getMessage() + "; the format is "
                    + order(new OrderTicket("ACME", Side.BUY, 101_00, 4), Instant.EPOCH, null, null), unreadable);
        }
        if (!ticket.symbol().equals(record.key())) {
            throw new IllegalArgumentException("the record's key " + Echo.text(record.key()) + " is not its symbol '"
                    + ticket.symbol() + "': a symbol's orders must all be in the partition its key chooses");
        }
        if (order.acceptedAt() == null) {
            throw new IllegalArgumentException("an order record must say when it was accepted (acceptedAt)");
        }
        if (order.idempotencyKey() != null && IdempotencyKeys.problemWith(order.idempotencyKey()) != null) {
            throw new IllegalArgumentException(IdempotencyKeys.problemWith(order.idempotencyKey()));
        }
        event.place(orderId(record.partition(), record.offset()), order.acceptedAt().toEpochMilli(), ticket.symbol(),
                ticket.side(), ticket.price(), ticket.quantity(), order.idempotencyKey());
        event.rejection(order.rejection());
        event.resetOutcome();
        event.readFrom(record.partition(), replay);
    }

    /** The value of a trade's record. */
    static String trade(Trade trade) {
        return JSON.writeValueAsString(TradeView.of(trade));
    }

    /** The id of the order at {@code offset} of {@code partition}. */
    static long orderId(int partition, long offset) {
        return partition * PARTITION_STRIDE + offset + 1;
    }

    /** The partition of the orders topic that holds the order with this id. */
    static int partitionOf(long orderId) {
        return (int) ((orderId - 1) / PARTITION_STRIDE);
    }

    /** The id of the first trade of {@code partition}. */
    static long firstTradeId(int partition) {
        return partition * PARTITION_STRIDE + 1;
    }

    /** An order record's fields; prices as amounts, as the HTTP API takes them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrderRecord(String symbol, String side, @JsonDeserialize(using = JsonNumber.class) BigDecimal price,
            @JsonDeserialize(using = JsonNumber.class) BigDecimal quantity, Instant acceptedAt, String idempotencyKey,
            String rejection) {
    }
}
