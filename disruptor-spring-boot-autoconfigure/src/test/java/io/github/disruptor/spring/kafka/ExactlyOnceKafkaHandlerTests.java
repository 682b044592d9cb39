package io.github.disruptor.spring.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import io.github.disruptor.spring.kafka.DoublingApplication.Faults;
import io.github.disruptor.spring.kafka.DoublingApplication.Resets;
import io.github.disruptor.spring.kafka.test.KafkaTestBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ring to Kafka exactly once, against a real broker: a {@code read_committed} reader of the output sees each
 * output once when a transaction fails mid-batch, and when an instance whose handler is stuck mid-transaction
 * loses its partitions to another instance and comes back as a zombie.
 */
class ExactlyOnceKafkaHandlerTests {

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
    void aTransactionThatFailsMidBatchIsAbortedAndItsRecordsAreReadAgain() {
        broker.createTopic("eos-abort", 2);
        broker.send(numbers("eos-abort", 2, 0, 100));
        try (ConfigurableApplicationContext application = DoublingApplication.run(broker, "eos-abort")) {
            Faults faults = application.getBean(Faults.class);
            faults.failOnceAt = 37;

            await().atMost(Duration.ofSeconds(30)).until(() -> broker.committed("eos-abort", "eos-abort")
                    .equals(Map.of(0, 50L, 1, 50L)));
            assertThat(faults.failed).isTrue();
            assertThat(outputs("eos-abort-out")).containsExactlyInAnyOrderElementsOf(doubled(0, 100));
            @SuppressWarnings("unchecked")
            ExactlyOnceKafkaHandler<NumberEvent, String, String> doubler = application.getBean("doubler",
                    ExactlyOnceKafkaHandler.class);
            assertThat(doubler.abortedTransactions()).isPositive();
            assertThat(application.getBean(Resets.class).log).anyMatch(entry -> entry.startsWith("lost "));
        }
    }

    @Test
    void aZombieStuckMidTransactionCannotCommitAfterItsPartitionsMoved() throws InterruptedException {
        broker.createTopic("eos-zombie", 2);
        String[] quickDrain = { "disruptor.rings.numbers.kafka.drain-timeout=1s",
                "disruptor.rings.numbers.kafka.properties.session.timeout.ms=3000",
                "disruptor.rings.numbers.kafka.properties.heartbeat.interval.ms=300" };
        try (ConfigurableApplicationContext zombie = DoublingApplication.run(broker, "eos-zombie", quickDrain)) {
            Faults stuck = zombie.getBean(Faults.class);
            stuck.blockAt = 21;
            broker.send(numbers("eos-zombie", 2, 0, 100));
            assertThat(stuck.blocked.await(30, TimeUnit.SECONDS)).isTrue();

            try (ConfigurableApplicationContext successor = DoublingApplication.run(broker, "eos-zombie", quickDrain)) {
                // the successor takes partitions over while the zombie's transaction is still open
                await().atMost(Duration.ofSeconds(30)).until(() -> !application(successor).status().partitions().isEmpty()
                        && application(successor).status().state() == KafkaRingSourceStatus.State.CONSUMING);
                stuck.release.countDown();
                await().atMost(Duration.ofSeconds(40)).until(() -> broker.committed("eos-zombie", "eos-zombie")
                        .equals(Map.of(0, 50L, 1, 50L)));
                assertThat(outputs("eos-zombie-out")).containsExactlyInAnyOrderElementsOf(doubled(0, 100));
                assertThat(application(zombie).status().state()).isNotEqualTo(KafkaRingSourceStatus.State.FAILED);
                assertThat(application(successor).status().state()).isNotEqualTo(KafkaRingSourceStatus.State.FAILED);
            }
        }
    }

    private static KafkaRingSource application(ConfigurableApplicationContext context) {
        return context.getBean(KafkaRingSources.class).source("numbers");
    }

    private static List<ProducerRecord<String, String>> numbers(String topic, int partitions, int from, int to) {
        return IntStream.range(from, to).mapToObj(value -> DoublingApplication.number(topic, partitions, value)).toList();
    }

    private static List<String> doubled(int from, int to) {
        return IntStream.range(from, to).mapToObj(value -> Integer.toString(value * 2)).toList();
    }

    private static List<String> outputs(String topic) {
        return broker.readCommitted(topic).stream().map(ConsumerRecord::value).toList();
    }
}
