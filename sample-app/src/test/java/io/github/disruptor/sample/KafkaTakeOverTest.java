package io.github.disruptor.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.disruptor.spring.kafka.test.KafkaTestBroker;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code kill -9} of an instance in the middle of the load: the other instance of the group takes its partitions
 * over, rebuilds their books by replay, and the trades a {@code read_committed} reader sees are exactly those that
 * a new consumer group recomputes from the orders topic alone: no trade missing, none written twice, each symbol's
 * in the same order. The killed instance runs in a child JVM, so that it can be killed for real; the survivor and
 * the recomputing group run in this JVM. Group and transaction timeouts are 3 s here (10 s in application-kafka.yml).
 */
class KafkaTakeOverTest {

    static final Path LOGS = Path.of("target", "kafka-take-over-test");
    static final String GROUP = "matching";
    static final String ORDERS = "orders";
    static final String TRADES = "trades";
    static final int ORDERS_AFTER_TAKE_OVER = 300;

    @Test
    void aKilledInstancesPartitionsAreTakenOverAndEveryTradeIsWrittenExactlyOnce() throws Exception {
        try (KafkaTestBroker broker = new KafkaTestBroker();
                ConfigurableApplicationContext survivor = KafkaSample.start(broker, GROUP, ORDERS, TRADES)) {
            await("the first instance reads every partition").atMost(KafkaSample.TAKE_OVER)
                    .until(() -> KafkaSample.partitions(survivor).size() == KafkaSample.PARTITIONS);
            SampleClient client = new SampleClient(SampleClient.port(survivor));
            List<Long> acknowledged = Collections.synchronizedList(new ArrayList<>());
            long killedAt;
            long takenOver;
            try (SampleProcess victim = SampleProcess.start(LOGS.resolve("killed-instance.log"),
                    KafkaSample.arguments(broker, GROUP, ORDERS, TRADES).toArray(String[]::new))) {
                await("the instances share the partitions").atMost(KafkaSample.TAKE_OVER)
                        .until(() -> KafkaSample.partitions(survivor).size() == KafkaSample.PARTITIONS / 2);
                SampleClient victimClient = new SampleClient(victim.port());

                // the load runs until well after the kill, however fast this machine posts
                AtomicInteger next = new AtomicInteger();
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService load = Executors.newFixedThreadPool(2);
                List<Future<?>> posters = new ArrayList<>();
                for (int thread = 0; thread < 2; thread++) {
                    posters.add(load.submit(() -> {
                        while (!stop.get()) {
                            SampleClient.Response response = client.post("/orders", KafkaSample.request(next.getAndIncrement()));
                            assertThat(response.status()).as(response.toString()).isEqualTo(202);
                            acknowledged.add(response.json().get("id").asLong());
                        }
                        return null;
                    }));
                }
                await("the instance to kill has matched and written trades").atMost(Duration.ofSeconds(30))
                        .until(() -> victimClient.get("/trades").json().size() >= 20);
                victim.killHard();
                killedAt = System.nanoTime();
                await("the survivor takes over every partition").atMost(KafkaSample.TAKE_OVER)
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> KafkaSample.partitions(survivor).size() == KafkaSample.PARTITIONS);
                takenOver = System.nanoTime();
                int atTakeOver = acknowledged.size();
                await("orders after the take-over").atMost(Duration.ofSeconds(30))
                        .until(() -> acknowledged.size() >= atTakeOver + ORDERS_AFTER_TAKE_OVER);
                stop.set(true);
                for (Future<?> poster : posters) {
                    poster.get(60, TimeUnit.SECONDS);
                }
                load.shutdown();
            }
            await("every order matched and its offset committed").atMost(KafkaSample.TAKE_OVER)
                    .until(() -> broker.caughtUp(GROUP, ORDERS));
            System.out.printf("Take-over after kill -9: the survivor read the killed instance's partitions %d ms after"
                    + " the kill (session.timeout.ms=3000, transaction.timeout.ms=3000)%n",
                    TimeUnit.NANOSECONDS.toMillis(takenOver - killedAt));
            Map<String, List<String>> trades = bySymbol(broker.readCommitted(TRADES));

            try (ConfigurableApplicationContext audit = KafkaSample.start(broker, "audit", ORDERS, "audit-trades")) {
                await("a new group recomputes every trade").atMost(KafkaSample.TAKE_OVER)
                        .until(() -> broker.caughtUp("audit", ORDERS));
                Map<String, List<String>> recomputed = bySymbol(broker.readCommitted("audit-trades"));
                assertThat(recomputed.values().stream().mapToInt(List::size).sum()).as("orders crossed").isGreaterThan(200);
                assertThat(trades).as("the trades written across the kill are those the orders make").isEqualTo(recomputed);

                SampleClient auditClient = new SampleClient(SampleClient.port(audit));
                for (long id : acknowledged) {
                    JsonNode order = auditClient.get("/orders/" + id).json();
                    assertThat(order.get("status")).as("acknowledged order %d is in the orders topic", id).isNotNull();
                }
            }
        }
    }

    /** Each symbol's trades in the order a reader of its partition sees them. */
    private static Map<String, List<String>> bySymbol(List<ConsumerRecord<String, String>> records) {
        Map<String, List<String>> bySymbol = new LinkedHashMap<>();
        records.forEach(record -> bySymbol.computeIfAbsent(record.key(), symbol -> new ArrayList<>()).add(record.value()));
        return bySymbol;
    }
}
