package io.github.disruptor.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.disruptor.spring.kafka.KafkaRingSource;
import io.github.disruptor.spring.kafka.KafkaRingSourceStatus;
import io.github.disruptor.spring.kafka.KafkaRingSources;
import io.github.disruptor.spring.kafka.test.KafkaTestBroker;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample in Kafka mode for tests: its settings against a test broker, instances in this JVM, and a
 * deterministic stream of orders over symbols that spread over four partitions.
 */
final class KafkaSample {

    static final int PARTITIONS = 4;
    /** Two symbols per partition of four (Kafka's default partitioner: murmur2 of the key). */
    static final List<String> SYMBOLS = List.of("HOTEL", "KILO", "CHARLIE", "DELTA", "ALPHA", "BRAVO", "ECHO", "FOXTROT");

    private KafkaSample() {
    }

    /**
     * The command-line arguments of an instance ({@link SampleProcess} adds the random port): Kafka mode against
     * {@code broker}, the given group and topics, the test symbols, and group and transaction timeouts of 3 s, so
     * that a killed instance's partitions move on within seconds.
     */
    static List<String> arguments(KafkaTestBroker broker, String group, String ordersTopic, String tradesTopic,
            String... more) {
        List<String> arguments = shippedTimings(broker, group, ordersTopic, tradesTopic);
        arguments.addAll(List.of("--spring.kafka.consumer.properties.session.timeout.ms=3000",
                "--spring.kafka.consumer.properties.heartbeat.interval.ms=300",
                "--spring.kafka.producer.properties.transaction.timeout.ms=3000"));
        arguments.addAll(Arrays.asList(more));
        return arguments;
    }

    /** As {@link #arguments}, with the group and transaction timeouts of {@code application-kafka.yml}. */
    static List<String> shippedTimings(KafkaTestBroker broker, String group, String ordersTopic, String tradesTopic) {
        return new ArrayList<>(List.of("--sample.mode=kafka",
                "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--sample.kafka.group-id=" + group, "--sample.kafka.orders-topic=" + ordersTopic,
                "--sample.kafka.trades-topic=" + tradesTopic, "--sample.kafka.partitions=" + PARTITIONS,
                "--sample.symbols=" + String.join(",", SYMBOLS),
                "--management.endpoint.health.show-details=always", "--spring.main.banner-mode=off",
                "--logging.level.org.apache.kafka=warn", "--logging.level.kafka=warn", "--logging.level.state.change=warn",
                "--logging.level.org.apache.kafka.clients.consumer.internals.ConsumerCoordinator=error"));
    }

    /** An instance in this JVM, started with {@link #arguments}. */
    static ConfigurableApplicationContext start(KafkaTestBroker broker, String group, String ordersTopic, String tradesTopic) {
        return start(arguments(broker, group, ordersTopic, tradesTopic));
    }

    /** An instance in this JVM with these arguments and, beside the application, these classes as beans. */
    static ConfigurableApplicationContext start(List<String> arguments, Class<?>... extraSources) {
        List<Class<?>> sources = new ArrayList<>(List.of(SampleApplication.class));
        sources.addAll(Arrays.asList(extraSources));
        List<String> all = new ArrayList<>(arguments);
        all.add("--server.port=0");
        return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run(all.toArray(String[]::new));
    }

    static KafkaRingSource source(ConfigurableApplicationContext instance) {
        return instance.getBean(KafkaRingSources.class).source("orders");
    }

    /** The partitions of the orders topic the instance reads, once it reads them. */
    static Set<Integer> partitions(ConfigurableApplicationContext instance) {
        KafkaRingSourceStatus status = source(instance).status();
        return status.state() != KafkaRingSourceStatus.State.CONSUMING ? Set.of()
                : status.partitions().stream().map(KafkaRingSourceStatus.PartitionStatus::partition)
                        .collect(Collectors.toSet());
    }

    /** The {@code i}th order of a deterministic mix over {@link #SYMBOLS}: about half of them trade. */
    static OrderTicket ticket(int i) {
        boolean buy = i % 2 == 0;
        long price = buy ? (100 + i % 5) * 100L : (101 + i % 7) * 100L;
        return new OrderTicket(SYMBOLS.get((i / 2) % SYMBOLS.size()), buy ? Side.BUY : Side.SELL, price, 1 + i % 9);
    }

    /** The {@code i}th order as {@code POST /orders} takes it. */
    static String request(int i) {
        OrderTicket ticket = ticket(i);
        return SampleClient.order(ticket.symbol(), ticket.side().name(), Prices.toAmount(ticket.price()).toPlainString(),
                ticket.quantity());
    }

    /** Orders {@code from} to {@code to} as records of the orders topic, as {@code POST /orders} writes them. */
    static List<ProducerRecord<String, String>> records(String topic, int from, int to) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = from; i < to; i++) {
            OrderTicket ticket = ticket(i);
            records.add(new ProducerRecord<>(topic, ticket.symbol(),
                    OrderRecords.order(ticket, Instant.ofEpochSecond(1_764_600_000L + i), null, null)));
        }
        return records;
    }

    static final Duration TAKE_OVER = Duration.ofSeconds(30);
}
