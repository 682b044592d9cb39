package io.github.disruptor.spring.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.disruptor.spring.kafka.NumbersApplication.Gate;
import io.github.disruptor.spring.kafka.NumbersApplication.PartitionEvents;
import io.github.disruptor.spring.kafka.NumbersApplication.Recorder;
import io.github.disruptor.spring.kafka.NumbersApplication.Seen;
import io.github.disruptor.spring.kafka.test.KafkaTestBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Topic to ring to handlers against a real broker (in process, KRaft): offsets follow the last stage, a full
 * ring pauses consumption without losing the group, poison records go to the dead-letter topic or halt, and
 * two instances share the partitions across a rebalance. One broker serves the whole class; each test has its
 * own topic and group.
 */
class KafkaRingSourceTests {

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
    void commitsAnOffsetOnlyAfterEveryHandlerPassedItsRecord() {
        broker.createTopic("numbers-e2e", 2);
        broker.send(numbers("numbers-e2e", 2, 0, 100));
        try (ConfigurableApplicationContext application = NumbersApplication.run(broker,
                "disruptor.rings.numbers.kafka.topics=numbers-e2e", "disruptor.rings.numbers.kafka.group-id=e2e")) {
            Gate gate = application.getBean(Gate.class);
            Recorder recorder = application.getBean(Recorder.class);
            gate.closedAt = 50; // partition 0, offset 25: the last stage stops there

            await().atMost(Duration.ofSeconds(20)).until(() -> recorder.seen.size() == 100);
            // stage 0 has everything; the committed offsets stay behind what the last stage has passed
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> committedOnlyWhatPassed(broker.committed("e2e", "numbers-e2e"), gate));
            assertThat(broker.committed("e2e", "numbers-e2e").get(0)).isLessThanOrEqualTo(25);
            // the meters show where the records are: taken from Kafka, waiting in the ring
            MeterRegistry meters = application.getBean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(5)).until(() -> gauge(meters, "disruptor.kafka.consumer.lag", 0) == 0
                    && gauge(meters, "disruptor.kafka.records.in.ring", 0) >= 25);

            gate.open();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> broker.committed("e2e", "numbers-e2e").equals(Map.of(0, 50L, 1, 50L)));
            assertThat(gate.passed).extracting(Seen::value).containsExactlyInAnyOrderElementsOf(values(0, 100));
            assertInOffsetOrderPerPartition(gate.passed);
            await().atMost(Duration.ofSeconds(5)).until(() -> gauge(meters, "disruptor.kafka.records.in.ring", 0) == 0
                    && gauge(meters, "disruptor.kafka.records.in.ring", 1) == 0);
        }
    }

    @Test
    void aFullRingPausesTheConsumerWithoutLosingItsPlaceInTheGroup() {
        broker.createTopic("numbers-full", 1);
        broker.send(numbers("numbers-full", 1, 0, 300));
        try (ConfigurableApplicationContext application = NumbersApplication.run(broker,
                "disruptor.rings.numbers.ring-size=8", "disruptor.rings.numbers.kafka.topics=numbers-full",
                "disruptor.rings.numbers.kafka.group-id=full", "disruptor.rings.numbers.kafka.drain-timeout=500ms",
                "disruptor.rings.numbers.kafka.properties.max.poll.interval.ms=1500",
                "disruptor.rings.numbers.kafka.properties.max.poll.records=10",
                "disruptor.rings.numbers.kafka.properties.session.timeout.ms=1000",
                "disruptor.rings.numbers.kafka.properties.heartbeat.interval.ms=200")) {
            Gate gate = application.getBean(Gate.class);
            gate.closedAt = 0;
            KafkaRingSource source = application.getBean(KafkaRingSources.class).source("numbers");
            PartitionEvents partitions = application.getBean(PartitionEvents.class);

            await().atMost(Duration.ofSeconds(20)).until(() -> source.status().state() == KafkaRingSourceStatus.State.PAUSED);
            Set<String> members = broker.members("full");
            assertThat(members).hasSize(1);
            // three times max.poll.interval.ms: a consumer blocked on the ring would have been evicted
            await().during(Duration.ofMillis(4500)).atMost(Duration.ofSeconds(6)).until(() ->
                    source.status().state() == KafkaRingSourceStatus.State.PAUSED && partitions.revocations.get() == 0);
            assertThat(broker.members("full")).isEqualTo(members);
            assertThat(partitions.assignments.get()).isEqualTo(1);
            assertThat(health(application)).isEqualTo(Status.UP);

            gate.open();
            await().atMost(Duration.ofSeconds(20)).until(() -> gate.passed.size() == 300);
            assertInOffsetOrderPerPartition(gate.passed);
            await().atMost(Duration.ofSeconds(10)).until(() -> broker.committed("full", "numbers-full").get(0) == 300);
            assertThat(source.status().state()).isEqualTo(KafkaRingSourceStatus.State.CONSUMING);
        }
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheRestIsHandled() {
        broker.createTopic("numbers-poison", 1);
        List<ProducerRecord<String, String>> records = new ArrayList<>(numbers("numbers-poison", 1, 0, 10));
        records.add(3, new ProducerRecord<>("numbers-poison", 0, "k", "oops")); // cannot be deserialized
        records.add(7, new ProducerRecord<>("numbers-poison", 0, "k", Long.toString(NumbersApplication.UNTRANSLATABLE)));
        broker.send(records);
        try (ConfigurableApplicationContext application = NumbersApplication.run(broker,
                "disruptor.rings.numbers.kafka.topics=numbers-poison", "disruptor.rings.numbers.kafka.group-id=poison",
                "disruptor.rings.numbers.kafka.properties.value.deserializer="
                        + NumbersApplication.DigitsDeserializer.class.getName())) {
            Gate gate = application.getBean(Gate.class);

            await().atMost(Duration.ofSeconds(20)).until(() -> gate.passed.size() == 10);
            assertThat(gate.passed).extracting(Seen::value).containsExactlyElementsOf(values(0, 10));
            await().atMost(Duration.ofSeconds(10)).until(() -> broker.committed("poison", "numbers-poison").get(0) == 12);
            List<ConsumerRecord<String, String>> deadLetters = broker.readCommitted("numbers-poison-dlt");
            assertThat(deadLetters).extracting(ConsumerRecord::value).containsExactly("oops", "1000013");
            assertThat(new String(deadLetters.get(0).headers().lastHeader("kafka_dlt-original-offset").value()))
                    .isNotNull();
            assertThat(application.getBean(KafkaRingSources.class).source("numbers").status().deadLettered()).isEqualTo(2);
        }
    }

    @Test
    void aPoisonRecordThatCannotBeDeadLetteredHoldsTheLineAndIsReported() {
        broker.createTopic("numbers-stuck", 1);
        List<ProducerRecord<String, String>> records = new ArrayList<>(numbers("numbers-stuck", 1, 0, 10));
        records.add(4, new ProducerRecord<>("numbers-stuck", 0, "k", Long.toString(NumbersApplication.UNTRANSLATABLE)));
        broker.send(records);
        try (ConfigurableApplicationContext application = NumbersApplication.run(broker,
                "disruptor.rings.numbers.kafka.topics=numbers-stuck", "disruptor.rings.numbers.kafka.group-id=stuck",
                "disruptor.rings.numbers.kafka.dead-letter-topic=not a topic name")) {
            Gate gate = application.getBean(Gate.class);
            KafkaRingSource source = application.getBean(KafkaRingSources.class).source("numbers");

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> source.status().state() == KafkaRingSourceStatus.State.DEAD_LETTER_FAILING);
            await().atMost(Duration.ofSeconds(5)).until(() -> broker.committed("stuck", "numbers-stuck").get(0) == 4);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> gate.passed.size() == 4);
            assertThat(broker.committed("stuck", "numbers-stuck").get(0)).isEqualTo(4);
            assertThat(health(application)).isEqualTo(Status.DOWN);
            assertThat(source.status().problem()).contains("cannot dead-letter record numbers-stuck-0@4")
                    .contains("not a topic name");
        }
    }

    @Test
    void haltsAtAPoisonRecordWhenAskedToAndReportsItDown() {
        broker.createTopic("numbers-halt", 1);
        List<ProducerRecord<String, String>> records = new ArrayList<>(numbers("numbers-halt", 1, 0, 10));
        records.add(5, new ProducerRecord<>("numbers-halt", 0, "k", Long.toString(NumbersApplication.UNTRANSLATABLE)));
        broker.send(records);
        try (ConfigurableApplicationContext application = NumbersApplication.run(broker,
                "disruptor.rings.numbers.kafka.topics=numbers-halt", "disruptor.rings.numbers.kafka.group-id=halt",
                "disruptor.rings.numbers.kafka.on-poison-record=halt")) {
            Gate gate = application.getBean(Gate.class);
            KafkaRingSource source = application.getBean(KafkaRingSources.class).source("numbers");

            await().atMost(Duration.ofSeconds(20)).until(() -> source.status().state() == KafkaRingSourceStatus.State.HALTED);
            await().atMost(Duration.ofSeconds(5)).until(() -> broker.committed("halt", "numbers-halt").get(0) == 5);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> gate.passed.size() == 5);
            assertThat(broker.committed("halt", "numbers-halt").get(0)).isEqualTo(5);
            assertThat(health(application)).isEqualTo(Status.DOWN);
            assertThat(source.status().problem()).contains("numbers-halt-0@5").contains("unlucky number 1000013");
        }
    }

    @Test
    void twoInstancesShareThePartitionsAndAReplayRebuildsWhatMoved() {
        broker.createTopic("numbers-shared", 4);
        broker.send(numbers("numbers-shared", 4, 0, 200));
        String[] properties = { "disruptor.rings.numbers.kafka.topics=numbers-shared",
                "disruptor.rings.numbers.kafka.group-id=shared", "disruptor.rings.numbers.kafka.replay=from-beginning",
                "disruptor.rings.numbers.kafka.properties.session.timeout.ms=3000",
                "disruptor.rings.numbers.kafka.properties.heartbeat.interval.ms=300" };
        try (ConfigurableApplicationContext first = NumbersApplication.run(broker, properties)) {
            Gate firstGate = first.getBean(Gate.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> firstGate.passed.size() == 200);
            await().atMost(Duration.ofSeconds(10)).until(() -> broker.committed("shared", "numbers-shared")
                    .equals(Map.of(0, 50L, 1, 50L, 2, 50L, 3, 50L)));

            try (ConfigurableApplicationContext second = NumbersApplication.run(broker, properties)) {
                Gate secondGate = second.getBean(Gate.class);
                PartitionEvents firstPartitions = first.getBean(PartitionEvents.class);
                PartitionEvents secondPartitions = second.getBean(PartitionEvents.class);
                await().atMost(Duration.ofSeconds(20)).until(() -> firstPartitions.assigned.size() == 2
                        && secondPartitions.assigned.size() == 2);
                broker.send(numbers("numbers-shared", 4, 200, 400));

                await().atMost(Duration.ofSeconds(20)).until(() -> live(firstGate).size() + live(secondGate).size() == 400);
                // each live record handled once: revocation drained and committed before the partitions moved
                List<Long> handled = new ArrayList<>(live(firstGate));
                handled.addAll(live(secondGate));
                assertThat(handled).containsExactlyInAnyOrderElementsOf(values(0, 400));
                // the second instance replayed what the first had committed on the partitions it took over
                Set<Integer> takenOver = new HashSet<>();
                secondPartitions.assigned.forEach(partition -> takenOver.add(partition.partition()));
                assertThat(secondGate.passed).filteredOn(Seen::replay).extracting(Seen::partition).containsOnlyElementsOf(takenOver);
                assertThat(secondGate.passed).filteredOn(Seen::replay).hasSize(100);
                assertInOffsetOrderPerPartition(secondGate.passed);
                await().atMost(Duration.ofSeconds(10)).until(() -> broker.committed("shared", "numbers-shared")
                        .equals(Map.of(0, 100L, 1, 100L, 2, 100L, 3, 100L)));
                Duration drain = first.getBean(KafkaRingSources.class).source("numbers").status().lastRevocationDrain();
                System.out.println("Revocation drain of the first instance: " + drain);
                assertThat(drain).isNotNull();
            }
        }
    }

    @Test
    void stopsAndStartsAgainFromTheCommittedOffsets() {
        broker.createTopic("numbers-restart", 2);
        broker.send(numbers("numbers-restart", 2, 0, 50));
        try (ConfigurableApplicationContext application = NumbersApplication.run(broker,
                "disruptor.rings.numbers.kafka.topics=numbers-restart", "disruptor.rings.numbers.kafka.group-id=restart")) {
            Gate gate = application.getBean(Gate.class);
            KafkaRingSources sources = application.getBean(KafkaRingSources.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> gate.passed.size() == 50);

            java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
            sources.stop(stopped::countDown);
            await().atMost(Duration.ofSeconds(15)).until(() -> stopped.getCount() == 0);
            // stopping drained the ring, committed what it had handled and left the group
            assertThat(broker.committed("restart", "numbers-restart")).isEqualTo(Map.of(0, 25L, 1, 25L));
            assertThat(broker.members("restart")).isEmpty();
            assertThat(sources.source("numbers").status().state()).isEqualTo(KafkaRingSourceStatus.State.STOPPED);

            broker.send(numbers("numbers-restart", 2, 50, 100));
            sources.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> gate.passed.size() == 100);
            assertThat(gate.passed).extracting(Seen::value).containsExactlyInAnyOrderElementsOf(values(0, 100));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> broker.committed("restart", "numbers-restart").equals(Map.of(0, 50L, 1, 50L)));
        }
    }

    // ---------------------------------------------------------------- helpers

    private static List<ProducerRecord<String, String>> numbers(String topic, int partitions, int from, int to) {
        return IntStream.range(from, to).mapToObj(value -> new ProducerRecord<>(topic, value % partitions,
                "k" + value, Integer.toString(value))).toList();
    }

    private static List<Long> values(int from, int to) {
        return LongStream.range(from, to).boxed().toList();
    }

    private static List<Long> live(Gate gate) {
        return gate.passed.stream().filter(seen -> !seen.replay()).map(Seen::value).toList();
    }

    /** Every record below a partition's committed offset has passed the last stage. */
    private static boolean committedOnlyWhatPassed(Map<Integer, Long> committed, Gate gate) {
        return committed.entrySet().stream().allMatch(partition -> LongStream.range(0, partition.getValue())
                .allMatch(offset -> gate.passed.stream().anyMatch(seen -> seen.partition() == partition.getKey()
                        && seen.offset() == offset)));
    }

    private static void assertInOffsetOrderPerPartition(Iterable<Seen> seen) {
        Map<Integer, Long> last = new java.util.HashMap<>();
        for (Seen event : seen) {
            Long previous = last.put(event.partition(), event.offset());
            if (previous != null) {
                assertThat(event.offset()).as("offset after %s in partition %s", previous, event.partition())
                        .isGreaterThan(previous);
            }
        }
    }

    private static double gauge(MeterRegistry meters, String name, int partition) {
        Gauge gauge = meters.find(name).tags("ring", "numbers", "partition", Integer.toString(partition)).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    private static Status health(ConfigurableApplicationContext application) {
        CompositeHealthContributor contributor = application.getBean("disruptorKafkaHealthContributor",
                CompositeHealthContributor.class);
        return ((HealthIndicator) contributor.getContributor("numbers")).health().getStatus();
    }
}
