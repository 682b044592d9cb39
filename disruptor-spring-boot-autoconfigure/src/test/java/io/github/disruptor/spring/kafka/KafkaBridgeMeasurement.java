package io.github.disruptor.spring.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.disruptor.core.EventHandler;
import io.github.disruptor.spring.DisruptorHandler;
import io.github.disruptor.spring.kafka.test.KafkaTestBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Figures for the README, not part of the default build ({@code -Ddisruptor.kafka.measure=true}): records per
 * second from a topic through the bridge to a handler, and how long a revocation waits for a full ring.
 */
@EnabledIfSystemProperty(named = "disruptor.kafka.measure", matches = "true")
class KafkaBridgeMeasurement {

    private static final int RECORDS = Integer.getInteger("disruptor.kafka.measure.records", 2_000_000);
    private static KafkaTestBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new KafkaTestBroker();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void recordsPerSecondThroughTheBridge() {
        broker.createTopic("measure", 4);
        produce("measure", 4, RECORDS);
        for (int round = 1; round <= 3; round++) {
            long started = System.nanoTime();
            try (ConfigurableApplicationContext application = run("measure", "round-" + round, "disruptor.rings.numbers.ring-size=65536",
                    "disruptor.rings.numbers.sequencer=single", "disruptor.rings.numbers.wait-strategy=yielding",
                    "disruptor.rings.numbers.kafka.properties.max.poll.records=2000",
                    "disruptor.rings.numbers.kafka.properties.fetch.min.bytes=65536")) {
                Counter counter = application.getBean(Counter.class);
                long ready = System.nanoTime();
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20)).until(() -> counter.count == RECORDS);
                double seconds = (counter.lastNanos - counter.firstNanos) / 1e9;
                System.out.printf("MEASURE round %d: %,d records from the first to the last handled in %.2f s: %,.0f records/s "
                        + "(context started in %.2f s)%n", round, RECORDS, seconds, RECORDS / seconds, (ready - started) / 1e9);
            }
        }
    }

    @Test
    void timeToDrainAFullRingOnRevocation() {
        broker.createTopic("drain", 2);
        produce("drain", 2, 200_000);
        String[] slow = { "disruptor.rings.numbers.ring-size=4096", "counter.nanos-per-event=20000" };
        try (ConfigurableApplicationContext first = run("drain", "drain", slow)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> first.getBean(Counter.class).count > 10_000);
            try (ConfigurableApplicationContext second = run("drain", "drain", slow)) {
                KafkaRingSource source = first.getBean(KafkaRingSources.class).source("numbers");
                await().atMost(Duration.ofSeconds(30)).until(() -> source.status().lastRevocationDrain() != null);
                System.out.printf("MEASURE revocation drain of a full 4096-slot ring at 20 us per event: %s%n",
                        source.status().lastRevocationDrain());
                assertThat(source.status().lastRevocationDrain()).isPositive();
            }
        }
    }

    private static ConfigurableApplicationContext run(String topic, String group, String... properties) {
        List<String> all = new ArrayList<>(List.of("spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "spring.kafka.consumer.auto-offset-reset=earliest", "spring.main.banner-mode=off",
                "logging.level.org.apache.kafka=warn", "logging.level.kafka=warn",
                "disruptor.rings.numbers.kafka.topics=" + topic, "disruptor.rings.numbers.kafka.group-id=" + group));
        all.addAll(List.of(properties));
        return new SpringApplicationBuilder(CountingApplication.class).web(WebApplicationType.NONE)
                .properties(all.toArray(String[]::new)).run();
    }

    private static void produce(String topic, int partitions, int count) {
        Map<String, Object> configuration = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(configuration, new StringSerializer(),
                new StringSerializer())) {
            Future<?> last = null;
            for (int value = 0; value < count; value++) {
                last = producer.send(new ProducerRecord<>(topic, value % partitions, null, Integer.toString(value)));
            }
            producer.flush();
            last.get(1, TimeUnit.MINUTES);
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class CountingApplication {

        @Bean
        KafkaRecordTranslator<NumberEvent, String, String> numberTranslator() {
            return (event, sequence, record, replay) -> event.value = Long.parseLong(record.value());
        }

        @Bean
        @DisruptorHandler(ring = "numbers")
        Counter counter(org.springframework.core.env.Environment environment) {
            return new Counter(environment.getProperty("counter.nanos-per-event", Long.class, 0L));
        }
    }

    /** Counts events; publishes its count once per batch, and can spend some time on each event. */
    static class Counter implements EventHandler<NumberEvent> {

        private final long nanosPerEvent;
        private long handled;
        volatile long count;
        volatile long firstNanos;
        volatile long lastNanos;

        Counter(long nanosPerEvent) {
            this.nanosPerEvent = nanosPerEvent;
        }

        @Override
        public void onEvent(NumberEvent event, long sequence, boolean endOfBatch) {
            if (nanosPerEvent > 0) {
                long until = System.nanoTime() + nanosPerEvent;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }
            if (handled++ == 0) {
                firstNanos = System.nanoTime();
            }
            if (endOfBatch) {
                lastNanos = System.nanoTime();
                count = handled;
            }
        }
    }

}
