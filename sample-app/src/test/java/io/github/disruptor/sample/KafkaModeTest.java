package io.github.disruptor.sample;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.disruptor.spring.DisruptorHandler;
import io.github.disruptor.spring.kafka.KafkaPartitionListener;
import io.github.disruptor.spring.kafka.KafkaRingSourceStatus;
import io.github.disruptor.spring.kafka.PartitionAssignment;
import io.github.disruptor.spring.kafka.test.KafkaTestBroker;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka mode against a real broker (in process, KRaft): two instances of one group share the partitions of
 * the orders topic, every order {@code POST /orders} acknowledged is matched by exactly one of them, its trades are
 * written once; a record that is not an order goes to the dead-letter topic while the rest goes on; a slow
 * handler pauses consumption without the instance losing its place in the group. One broker and one pair of
 * instances serve the class.
 */
class KafkaModeTest {

    static final String GROUP = "matching";
    static final String ORDERS = "orders-shared";
    static final String TRADES = "trades-shared";
    static final JsonMapper JSON = JsonMapper.builder().build();

    static KafkaTestBroker broker;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        broker = new KafkaTestBroker();
        first = KafkaSample.start(broker, GROUP, ORDERS, TRADES);
        second = KafkaSample.start(broker, GROUP, ORDERS, TRADES);
        await("both instances read two partitions each").atMost(KafkaSample.TAKE_OVER).until(() ->
                KafkaSample.partitions(first).size() == 2 && KafkaSample.partitions(second).size() == 2);
    }

    @AfterAll
    static void stopEverything() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        broker.close();
    }

    @Test
    void everyAcknowledgedOrderIsMatchedByExactlyOneInstanceAndItsTradesAreWrittenOnce() {
        Set<Integer> firstPartitions = KafkaSample.partitions(first);
        Set<Integer> secondPartitions = KafkaSample.partitions(second);
        assertThat(union(firstPartitions, secondPartitions)).containsExactly(0, 1, 2, 3);
        assertThat(firstPartitions).doesNotContainAnyElementsOf(secondPartitions);

        SampleClient[] clients = { new SampleClient(SampleClient.port(first)), new SampleClient(SampleClient.port(second)) };
        List<Long> acknowledged = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            SampleClient.Response response = clients[i % 2].post("/orders", KafkaSample.request(i));
            assertThat(response.status()).as(response.toString()).isEqualTo(202);
            acknowledged.add(response.json().get("id").asLong());
        }
        assertThat(new HashSet<>(acknowledged)).as("ids are unique").hasSize(acknowledged.size());
        await("every order matched and its offset committed").atMost(Duration.ofSeconds(30))
                .until(() -> broker.caughtUp(GROUP, ORDERS));

        for (long id : acknowledged) {
            int partition = OrderRecords.partitionOf(id);
            boolean firstShows = clients[0].get("/orders/" + id).status() == 200;
            boolean secondShows = clients[1].get("/orders/" + id).status() == 200;
            assertThat(firstShows ^ secondShows).as("order %d (partition %d) is shown by exactly one instance", id, partition)
                    .isTrue();
            assertThat(firstShows).as("order %d is matched by the instance that reads partition %d", id, partition)
                    .isEqualTo(firstPartitions.contains(partition));
        }

        long someOrder = acknowledged.get(0);
        int itsPartition = OrderRecords.partitionOf(someOrder);
        SampleClient elsewhere = clients[firstPartitions.contains(itsPartition) ? 1 : 0];
        assertThat(elsewhere.get("/orders/" + someOrder).json().get("detail").asString())
                .as("the instance that does not match an order says where it is")
                .contains("partition " + itsPartition + " of " + ORDERS).contains("another instance");

        List<ConsumerRecord<String, String>> trades = broker.readCommitted(TRADES);
        assertThat(trades).as("orders crossed").hasSizeGreaterThan(50);
        Set<Long> tradeIds = new TreeSet<>();
        for (ConsumerRecord<String, String> record : trades) {
            JsonNode trade = JSON.readTree(record.value());
            assertThat(tradeIds.add(trade.get("id").asLong())).as("trade written once: %s", record.value()).isTrue();
            assertThat(record.key()).isEqualTo(trade.get("symbol").asString());
            assertThat(trade.get("price").decimalValue()).isPositive();
            assertThat(trade.get("quantity").asLong()).isPositive();
            assertThat(acknowledged).contains(trade.get("buyOrderId").asLong(), trade.get("sellOrderId").asLong());
        }
        Set<Long> shown = new TreeSet<>();
        for (SampleClient client : clients) {
            client.get("/trades?limit=1000").json().forEach(trade -> shown.add(trade.get("id").asLong()));
        }
        assertThat(shown).as("the trades the instances matched are the trades topic's").isEqualTo(tradeIds);
    }

    @Test
    void aRecordThatIsNotAnOrderGoesToTheDeadLetterTopicAndTheOrdersAfterItAreMatched() {
        broker.send(List.of(new ProducerRecord<>(ORDERS, "HOTEL", "{\"symbol\":\"HOTEL\",\"side\":\"BUY\",\"price\":\"cheap\"}")));
        int owner = KafkaSample.partitions(first).contains(partitionOf("HOTEL")) ? 0 : 1;
        ConfigurableApplicationContext instance = owner == 0 ? first : second;
        SampleClient client = new SampleClient(SampleClient.port(instance));
        long after = client.place("HOTEL", "BUY", "99.00", 5);

        assertThat(client.awaitOrder(after).get("status").asString()).isEqualTo("RESTING");
        List<ConsumerRecord<String, String>> deadLetters = broker.readCommitted(ORDERS + "-dlt");
        assertThat(deadLetters).hasSize(1);
        ConsumerRecord<String, String> deadLetter = deadLetters.get(0);
        assertThat(deadLetter.value()).contains("cheap");
        assertThat(new String(deadLetter.headers().lastHeader("kafka_dlt-exception-message").value(),
                StandardCharsets.UTF_8)).contains("not an order record").contains("price must be a JSON number");
        assertThat(KafkaSample.source(instance).status().deadLettered()).isEqualTo(1);
        JsonNode health = client.get("/actuator/health").json();
        assertThat(health.at("/components/disruptorKafka/status").asString()).isEqualTo("UP");
        assertThat(KafkaSample.source(instance).status().state()).isEqualTo(KafkaRingSourceStatus.State.CONSUMING);
    }

    @Test
    void anIdempotencyKeyIsExecutedOnceWhicheverInstanceTheRetryReachesAndValidationTravelsWithTheOrder() {
        SampleClient[] clients = { new SampleClient(SampleClient.port(first)), new SampleClient(SampleClient.port(second)) };
        String order = SampleClient.order("KILO", "BUY", "90.00", 7);
        String key = "retry-" + System.nanoTime();
        long placed = idOf(clients[0].post("/orders", order, IdempotencyKeys.HEADER, key));
        long retried = idOf(clients[1].post("/orders", order, IdempotencyKeys.HEADER, key));
        long reused = idOf(clients[1].post("/orders", SampleClient.order("KILO", "BUY", "90.00", 8),
                IdempotencyKeys.HEADER, key));
        long unlisted = idOf(clients[0].post("/orders", SampleClient.order("NOPE", "BUY", "1.00", 1)));

        SampleClient owner = clients[KafkaSample.partitions(first).contains(OrderRecords.partitionOf(placed)) ? 0 : 1];
        assertThat(owner.awaitOrder(placed).get("status").asString()).isEqualTo("RESTING");
        JsonNode repeat = owner.awaitOrder(retried);
        assertThat(repeat.get("status").asString()).isEqualTo("REJECTED");
        assertThat(repeat.get("rejection").asString()).contains("was used by order " + placed).contains("not executed again");
        JsonNode other = owner.awaitOrder(reused);
        assertThat(other.get("status").asString()).isEqualTo("REJECTED");
        assertThat(other.get("rejection").asString()).contains("first used for order " + placed).contains("quantity 7 -> 8");
        SampleClient unlistedOwner = clients[KafkaSample.partitions(first).contains(OrderRecords.partitionOf(unlisted)) ? 0 : 1];
        JsonNode rejected = unlistedOwner.awaitOrder(unlisted);
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("rejection").asString()).contains("unknown symbol 'NOPE'");
    }

    @Test
    void aSlowHandlerPausesConsumptionWithoutLosingTheInstancesPlaceInTheGroup() {
        List<String> arguments = KafkaSample.arguments(broker, "slow", "orders-slow", "trades-slow",
                "--disruptor.rings.orders.ring-size=16", "--disruptor.rings.orders.kafka.drain-timeout=500ms",
                "--disruptor.rings.orders.kafka.properties.max.poll.records=10",
                // a consumer that stopped polling while the ring is full would be evicted after 1.5 s
                "--disruptor.rings.orders.kafka.properties.max.poll.interval.ms=1500",
                "--disruptor.rings.orders.kafka.properties.session.timeout.ms=1000",
                "--disruptor.rings.orders.kafka.properties.heartbeat.interval.ms=200");
        try (ConfigurableApplicationContext instance = KafkaSample.start(arguments, SlowStage.class)) {
            SlowStage slow = instance.getBean(SlowStage.class);
            await().atMost(KafkaSample.TAKE_OVER).until(() -> KafkaSample.partitions(instance).size() == KafkaSample.PARTITIONS);
            broker.send(KafkaSample.records("orders-slow", 0, 300));

            await("the consumer pauses on the full ring").atMost(Duration.ofSeconds(20))
                    .until(() -> KafkaSample.source(instance).status().state() == KafkaRingSourceStatus.State.PAUSED);
            Set<String> members = broker.members("slow");
            assertThat(members).hasSize(1);
            // three times max.poll.interval.ms, paused, without a rebalance
            await().during(Duration.ofMillis(4500)).atMost(Duration.ofSeconds(6)).until(() ->
                    KafkaSample.source(instance).status().state() == KafkaRingSourceStatus.State.PAUSED
                            && slow.revocations.get() == 0);
            assertThat(broker.members("slow")).isEqualTo(members);
            assertThat(slow.assignments.get()).isEqualTo(1);
            SampleClient client = new SampleClient(SampleClient.port(instance));
            assertThat(client.get("/actuator/health").json().at("/components/disruptorKafka/status").asString())
                    .isEqualTo("UP");

            slow.open.countDown();
            await("every order matched once the handler catches up").atMost(Duration.ofSeconds(30))
                    .until(() -> broker.caughtUp("slow", "orders-slow"));
            assertThat(slow.seen.get()).isEqualTo(300);
            assertThat(KafkaSample.source(instance).status().state()).isEqualTo(KafkaRingSourceStatus.State.CONSUMING);
            assertThat(slow.revocations.get()).isZero();
        }
    }

    /**
     * A last stage that holds the ring's first order until the test opens it, so the ring fills; it counts the orders
     * and the partition moves it sees. Not a component: only the instance that names it has it.
     */
    static class SlowStage implements KafkaPartitionListener {

        final CountDownLatch open = new CountDownLatch(1);
        final AtomicInteger seen = new AtomicInteger();
        final AtomicInteger assignments = new AtomicInteger();
        final AtomicInteger revocations = new AtomicInteger();

        @DisruptorHandler(ring = "orders", stage = 3)
        void hold(OrderEvent order) throws InterruptedException {
            if (!open.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
            seen.incrementAndGet();
        }

        @Override
        public void onPartitionsAssigned(PartitionAssignment assignment) {
            assignments.incrementAndGet();
        }

        @Override
        public void onPartitionsRevoked(String ring, Collection<TopicPartition> partitions, boolean lost) {
            revocations.incrementAndGet();
        }
    }

    private static long idOf(SampleClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return response.json().get("id").asLong();
    }

    private static int partitionOf(String symbol) {
        return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(
                symbol.getBytes(StandardCharsets.UTF_8))) % KafkaSample.PARTITIONS;
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        Set<Integer> union = new TreeSet<>(a);
        union.addAll(b);
        return union;
    }
}
