package io.github.disruptor.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.disruptor.spring.kafka.test.KafkaTestBroker;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka mode's figures for the README, not part of the build: orders per second matched (orders topic in,
 * trades out in transactions, offsets committed) and acknowledged over HTTP, with one and with two instances, each a
 * JVM of its own, against an in-process broker on the same machine; and the time the survivor takes over a killed
 * instance's partitions with the timeouts of {@code application-kafka.yml}. Prints the figures and the load average.
 *
 * <pre>
 * ./mvnw -pl sample-app -am verify -DskipITs -Dsample.kafka.measure=true -Dtest=KafkaModeMeasurement \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@EnabledIfSystemProperty(named = "sample.kafka.measure", matches = "true")
class KafkaModeMeasurement {

    static final Path LOGS = Path.of("target", "kafka-measurement");
    static final int ORDERS = Integer.getInteger("sample.kafka.measure.orders", 300_000);
    static final Duration HTTP_DURATION = Duration.ofSeconds(Integer.getInteger("sample.kafka.measure.http-seconds", 15));
    static final int HTTP_CLIENTS = 8;
    static final List<String> JVM = List.of("-Xmx512m", "-XX:+UseParallelGC");
    /** Long enough for instances started together to join a new group before its first assignment. */
    static final Duration FIRST_ASSIGNMENT_DELAY = Duration.ofSeconds(15);

    static KafkaTestBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new KafkaTestBroker(FIRST_ASSIGNMENT_DELAY);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    /**
     * The orders are in the topic before the instances start; they start together (the broker waits
     * {@link #FIRST_ASSIGNMENT_DELAY} for a new group's members), so each matches its share from the first
     * assignment on. The rate is taken while the committed offsets go from 10 % to 90 % of the orders, which leaves
     * out the JVMs' start and the last commit.
     */
    @Test
    void matchingThroughput() throws Exception {
        for (int instances = 1; instances <= 2; instances++) {
            String group = "throughput-" + instances;
            String orders = "orders-" + group;
            broker.createTopic(orders, KafkaSample.PARTITIONS);
            broker.send(KafkaSample.records(orders, 0, ORDERS));
            List<SampleProcess> processes = startTogether(group, instances, KafkaSample.arguments(broker, group, orders,
                    "trades-" + group));
            try {
                long[] at = new long[3];
                long[] marks = { ORDERS / 10, ORDERS * 9L / 10, ORDERS };
                int reached = 0;
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
                while (reached < marks.length && System.nanoTime() - deadline < 0) {
                    long committed = broker.committed(group, orders).values().stream().mapToLong(Long::longValue).sum();
                    while (reached < marks.length && committed >= marks[reached]) {
                        at[reached++] = System.nanoTime();
                    }
                    Thread.sleep(50);
                }
                assertThat(reached).as("every order matched within 10 minutes").isEqualTo(marks.length);
                report("%d instance(s): %,d orders matched, their trades and offsets committed: %,.0f orders/s from 10 %%"
                        + " to 90 %% of the orders", instances, ORDERS, (marks[1] - marks[0]) / seconds(at[1] - at[0]));
            } finally {
                processes.forEach(SampleProcess::close);
            }
        }
    }

    @Test
    void httpIntake() throws Exception {
        for (int instances = 1; instances <= 2; instances++) {
            String group = "http-" + instances;
            String orders = "orders-" + group;
            List<SampleProcess> processes = startInstances(group, instances, KafkaSample.arguments(broker, group, orders,
                    "trades-" + group));
            try {
                List<SampleClient> clients = processes.stream().map(process -> new SampleClient(process.port())).toList();
                AtomicInteger next = new AtomicInteger();
                AtomicLong acknowledged = new AtomicLong();
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService pool = Executors.newFixedThreadPool(HTTP_CLIENTS);
                List<Future<?>> workers = new ArrayList<>();
                for (int worker = 0; worker < HTTP_CLIENTS; worker++) {
                    SampleClient client = clients.get(worker % clients.size());
                    workers.add(pool.submit(() -> {
                        while (!stop.get()) {
                            SampleClient.Response response = client.post("/orders", KafkaSample.request(next.getAndIncrement()));
                            assertThat(response.status()).as(response.toString()).isEqualTo(202);
                            acknowledged.incrementAndGet();
                        }
                        return null;
                    }));
                }
                Thread.sleep(HTTP_DURATION.dividedBy(3).toMillis()); // warm-up
                long before = acknowledged.get();
                long started = System.nanoTime();
                Thread.sleep(HTTP_DURATION.toMillis());
                long counted = acknowledged.get() - before;
                long elapsed = System.nanoTime() - started;
                stop.set(true);
                for (Future<?> worker : workers) {
                    worker.get(30, TimeUnit.SECONDS);
                }
                pool.shutdown();
                await().atMost(Duration.ofMinutes(2)).until(() -> broker.caughtUp(group, orders));
                report("%d instance(s): POST /orders from %d client threads: %,.0f orders/s acknowledged (acks=all)",
                        instances, HTTP_CLIENTS, counted / seconds(elapsed));
            } finally {
                processes.forEach(SampleProcess::close);
            }
        }
    }

    @Test
    void takeOverWithTheShippedTimeouts() throws Exception {
        String group = "take-over";
        List<SampleProcess> processes = startInstances(group, 2, KafkaSample.shippedTimings(broker, group, "orders-take-over",
                "trades-take-over"));
        SampleProcess survivor = processes.get(0);
        try (SampleProcess victim = processes.get(1)) {
            SampleClient client = new SampleClient(survivor.port());
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger next = new AtomicInteger();
            ExecutorService load = Executors.newSingleThreadExecutor();
            Future<?> posting = load.submit(() -> {
                while (!stop.get()) {
                    assertThat(client.post("/orders", KafkaSample.request(next.getAndIncrement())).status()).isEqualTo(202);
                    Thread.sleep(2);
                }
                return null;
            });
            Thread.sleep(3_000);
            victim.killHard();
            long killed = System.nanoTime();
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> partitions(client).size() == KafkaSample.PARTITIONS);
            long takenOver = System.nanoTime();
            stop.set(true);
            posting.get(30, TimeUnit.SECONDS);
            load.shutdown();
            await().atMost(Duration.ofMinutes(2)).until(() -> broker.caughtUp(group, "orders-take-over"));
            long caughtUp = System.nanoTime();
            report("take-over after kill -9 (session.timeout.ms=10000, transaction.timeout.ms=10000): the survivor reads"
                    + " the killed instance's partitions after %.1f s; %,d orders posted, all matched %.1f s after the kill",
                    seconds(takenOver - killed), next.get(), seconds(caughtUp - killed));
        } finally {
            survivor.close();
        }
    }

    /** Starts the instances at the same time, each in a JVM of its own. */
    private static List<SampleProcess> startTogether(String group, int count, List<String> arguments) throws Exception {
        ExecutorService starting = Executors.newFixedThreadPool(count);
        try {
            List<Future<SampleProcess>> started = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Path log = LOGS.resolve(group + "-" + i + ".log");
                started.add(starting.submit(() -> SampleProcess.start(log, JVM, arguments)));
            }
            List<SampleProcess> processes = new ArrayList<>();
            for (Future<SampleProcess> process : started) {
                processes.add(process.get(2, TimeUnit.MINUTES));
            }
            return processes;
        } finally {
            starting.shutdown();
        }
    }

    /** Starts the instances one after the other and waits until they share the partitions and read them. */
    private static List<SampleProcess> startInstances(String group, int count, List<String> arguments) {
        List<SampleProcess> processes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            processes.add(SampleProcess.start(LOGS.resolve(group + "-" + i + ".log"), JVM, arguments));
        }
        await("the instances share the partitions").atMost(Duration.ofMinutes(1)).until(() -> {
            Set<Integer> all = new HashSet<>();
            int read = 0;
            for (SampleProcess process : processes) {
                Set<Integer> partitions = partitions(new SampleClient(process.port()));
                read += partitions.size();
                all.addAll(partitions);
            }
            return all.size() == KafkaSample.PARTITIONS && read == KafkaSample.PARTITIONS;
        });
        return processes;
    }

    /** The partitions an instance reads, from its {@code disruptor} endpoint, once it reads them. */
    private static Set<Integer> partitions(SampleClient client) {
        JsonNode kafka = client.get("/actuator/disruptor/orders").json().at("/sources/kafka");
        Set<Integer> partitions = new HashSet<>();
        if ("CONSUMING".equals(kafka.at("/state").asString())) {
            kafka.at("/partitions").forEach(partition -> partitions.add(partition.get("partition").asInt()));
        }
        return partitions;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void report(String format, Object... values) {
        System.out.printf("KAFKA MODE: " + format + "; load average %s, %d CPUs%n", appendLoad(values));
    }

    private static Object[] appendLoad(Object[] values) {
        Object[] all = java.util.Arrays.copyOf(values, values.length + 2);
        all[values.length] = String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
        all[values.length + 1] = Runtime.getRuntime().availableProcessors();
        return all;
    }
}
