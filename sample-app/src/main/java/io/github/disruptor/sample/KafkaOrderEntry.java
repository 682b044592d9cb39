package io.github.disruptor.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

/**
 * The Kafka mode's order entry: writes each order to the orders topic (key = its symbol) and answers 202 only
 * once the broker has acknowledged it, with {@code acks=all} and an idempotent producer, within
 * {@code sample.kafka.ack-timeout}. The id is where the broker put the order ({@link OrderRecords}).
 *
 * <p>Validation runs here, under this instance's {@code sample.symbols} and {@code sample.max-order-quantity}, and
 * its decision travels in the record: the instance that matches the order rejects it for the reason given, so the
 * outcome does not depend on which instance reads the record, nor on its settings.
 *
 * <p>Its producer is its own, not transactional: Boot's producer factory is transactional for the trades
 * ({@code spring.kafka.producer.transaction-id-prefix}) and each order is acknowledged on its own. It takes
 * Boot's producer settings ({@code spring.kafka.producer.*}) otherwise.
 */
@Component
@ConditionalOnSampleMode(SampleMode.KAFKA)
class KafkaOrderEntry implements OrderEntry, OrderSink, DisposableBean {

    private static final Log logger = LogFactory.getLog(KafkaOrderEntry.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final String MAYBE_WRITTEN = ". The order may still be written and executed: retry with the same"
            + " Idempotency-Key, which the matching engine executes once";

    private final Producer<String, String> producer;
    private final String topic;
    private final Duration ackTimeout;
    private final ValidationRules rules;
    private final Object bootstrapServers;
    private final AtomicLong unacknowledgedOffers = new AtomicLong();

    KafkaOrderEntry(ProducerFactory<?, ?> producerFactory, KafkaModeProperties kafka, SampleProperties properties) {
        Map<String, Object> configuration = new HashMap<>(producerFactory.getConfigurationProperties());
        configuration.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        configuration.put(ProducerConfig.ACKS_CONFIG, "all");
        configuration.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // a request thread never waits longer than the answer's deadline, also when the broker cannot be reached
        configuration.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, kafka.ackTimeout().toMillis());
        // each request waits for its own order: no waiting for a batch to fill (concurrent requests still share one)
        configuration.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        configuration.put(ProducerConfig.CLIENT_ID_CONFIG, "orders-entry");
        this.producer = new KafkaProducer<>(configuration, new StringSerializer(), new StringSerializer());
        this.topic = kafka.ordersTopic();
        this.ackTimeout = kafka.ackTimeout();
        this.rules = ValidationRules.of(properties);
        this.bootstrapServers = configuration.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
    }

    @Override
    public Placement place(OrderTicket order, String idempotencyKey) {
        Future<RecordMetadata> acknowledgement;
        try {
            acknowledgement = producer.send(record(order, idempotencyKey));
        } catch (KafkaException refused) {
            return new Placement.Refused(notSent(refused));
        }
        // a send that failed before the record left (no metadata within max.block.ms: the broker is out of reach; a
        // record the client refuses) comes back failed at once; a record that left fails only after retries
        boolean failedBeforeSending = acknowledgement.isDone();
        try {
            RecordMetadata written = acknowledgement.get(ackTimeout.toNanos(), TimeUnit.NANOSECONDS);
            return new Placement.Accepted(OrderRecords.orderId(written.partition(), written.offset()), false);
        } catch (TimeoutException late) {
            return new Placement.Refused("the broker has not acknowledged the order within "
                    + OrderJournal.text(ackTimeout) + " (sample.kafka.ack-timeout)" + MAYBE_WRITTEN);
        } catch (ExecutionException failed) {
            if (failedBeforeSending) {
                return new Placement.Refused(notSent(failed.getCause()));
            }
            logger.warn("The broker did not acknowledge an order sent to topic " + topic + ": " + failed.getCause());
            return new Placement.Refused("the broker did not acknowledge the order (" + failed.getCause().getMessage()
                    + ")" + MAYBE_WRITTEN);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Placement.Refused("interrupted while waiting for the broker's acknowledgement");
        }
    }

    @Override
    public boolean offer(OrderTicket order) {
        try {
            producer.send(record(order, null), (written, failure) -> {
                if (failure != null) {
                    countUnacknowledgedOffer(failure);
                }
            });
            return true;
        } catch (KafkaException refused) {
            return false;
        }
    }

    /** The load generator's orders are not waited for; their failures are logged, the 1st, 2nd, 4th, 8th... */
    private void countUnacknowledgedOffer(Exception failure) {
        long count = unacknowledgedOffers.incrementAndGet();
        if (Long.bitCount(count) == 1) {
            logger.warn(count + " generated order(s) not acknowledged by the broker so far; the latest: " + failure);
        }
    }

    @Override
    public void destroy() {
        producer.close(CLOSE_TIMEOUT);
    }

    private ProducerRecord<String, String> record(OrderTicket order, String idempotencyKey) {
        String rejection = rules.rejectionOf(order.symbol(), order.quantity());
        return new ProducerRecord<>(topic, order.symbol(),
                OrderRecords.order(order, Instant.now(), idempotencyKey, rejection));
    }

    private String notSent(Throwable failure) {
        logger.warn("An order could not be sent to topic " + topic + " at " + bootstrapServers + ": " + failure);
        return "the order was not written to the orders topic (" + failure.getMessage() + "); is the broker at "
                + bootstrapServers + " (spring.kafka.bootstrap-servers) reachable?";
    }
}
