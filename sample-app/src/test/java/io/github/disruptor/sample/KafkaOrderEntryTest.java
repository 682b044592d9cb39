package io.github.disruptor.sample;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code POST /orders} answers in Kafka mode when no broker answers: a bounded 503 that says what happened. */
class KafkaOrderEntryTest {

    @Test
    void withoutABrokerAnOrderIsRefusedWithinTheAckTimeoutAndSaidNotToBeWritten() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DefaultKafkaProducerFactory<String, String> producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + closedPort,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        KafkaOrderEntry entry = new KafkaOrderEntry(producers,
                new KafkaModeProperties("orders", "trades", "group", 3, Duration.ofMillis(500)), properties());
        try {
            long started = System.nanoTime();
            Placement placement = entry.place(new OrderTicket("ACME", Side.BUY, 101_00, 4), null);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(placement).isInstanceOf(Placement.Refused.class);
            assertThat(((Placement.Refused) placement).reason()).contains("was not written to the orders topic")
                    .contains("localhost:" + closedPort).contains("spring.kafka.bootstrap-servers")
                    .doesNotContain("may still be written");
            assertThat(took).isLessThan(Duration.ofSeconds(3));
        } finally {
            entry.destroy();
        }
    }

    /** The sample's settings as Boot binds them, defaults included. */
    private static SampleProperties properties() {
        return new Binder(new MapConfigurationPropertySource(Map.of("sample.symbols", "ACME")))
                .bindOrCreate("sample", SampleProperties.class);
    }
}
