package io.github.disruptor.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Randomized end-to-end stress: random ring sizes, sequencers, producer counts, wait strategies,
 * stage graphs (parallel handlers, explicit dependencies, sharded handlers, batch caps), slow and
 * throwing handlers whose failures continue, discard, or are retried (then succeed, continue or
 * discard), throwing translators and every publish variant. After each configuration it checks that
 * every accepted event was finished exactly once per handler (once across the shards of a sharded
 * handler), in order per producer, never before its upstream handlers finished it (a retried event
 * included), that no event discarded by a translator or by any handler upstream reached a handler,
 * that the monitor counted every failure, retry and discard, and that shutdown drained in time.
 *
 * <p>Short by default (8 s). {@code -Dstress.seed=<seed>} (printed at the start) replays the same
 * configurations and the same producer choices (thread interleavings differ from run to run, which is
 * the point); {@code -Dstress.durationSeconds=<n>} runs longer:
 * {@code ./mvnw -pl disruptor-core test -Dtest=StressTest -Dstress.durationSeconds=300}.
 */
class StressTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final int MAX_HANDLER_THREADS = 6;
    private static final Duration SHUTDOWN_BUDGET = Duration.ofSeconds(20);

    @Test
    void randomConfigurationsLoseNothing() throws Exception {
        long seed = Long.getLong("stress.seed", System.nanoTime());
        long durationNanos = TimeUnit.SECONDS.toNanos(Long.getLong("stress.durationSeconds", 8));
        System.out.println("StressTest seed " + seed + " (rerun with -Dstress.seed=" + seed + ")");
        Random random = new Random(seed);
        long deadline = System.nanoTime() + durationNanos;
        int configurations = 0;
        long events = 0;
        do {
            Scenario scenario = Scenario.random(random, configurations);
            long start = System.nanoTime();
            long accepted = scenario.run();
            events += accepted;
            System.out.println("  " + scenario.description + ": " + accepted + " events in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
            configurations++;
        } while (System.nanoTime() - deadline < 0 || configurations < 4);
        System.out.println("StressTest seed " + seed + ": " + configurations + " configurations, " + events
                + " events accepted, none lost, duplicated, reordered or handled early");
    }

    /** The event: who published it, their count, a checksum, and which handler finished it last. */
    static final class StressEvent {
        int producer;
        long counter;
        long checksum;
        final long[] finishedBy = new long[MAX_HANDLER_THREADS];

        StressEvent() {
            Arrays.fill(finishedBy, Sequence.INITIAL_VALUE);
        }

        static long checksum(int producer, long counter) {
            return (counter * 0x9E3779B97F4A7C15L) ^ producer;
        }
    }

    /** What a handler's failures lead to. */
    enum FailureMode {
        /** Fails once, the exception handler continues: the handlers behind see the event. */
        CONTINUE(1, ExceptionAction.CONTINUE),
        /** Fails once, the exception handler discards: no handler behind sees the event. */
        DISCARD(1, ExceptionAction.DISCARD),
        /** Fails once or twice, then succeeds on a retry. */
        RETRY_SUCCEEDS(3, ExceptionAction.CONTINUE),
        /** Fails on every attempt, then continues. */
        RETRY_THEN_CONTINUE(2, ExceptionAction.CONTINUE),
        /** Fails on every attempt, then discards. */
        RETRY_THEN_DISCARD(2, ExceptionAction.DISCARD);

        final int maxAttempts;
        final ExceptionAction finalAction;

        FailureMode(int maxAttempts, ExceptionAction finalAction) {
            this.maxAttempts = maxAttempts;
            this.finalAction = finalAction;
        }

        /** How many attempts of a failing event fail. */
        int failingAttempts(long counter) {
            return this == RETRY_SUCCEEDS ? 1 + (int) (counter % 2) : maxAttempts;
        }
    }

    /** One declared handler and what it saw. */
    static final class HandlerSpec {
        final int index;
        final String name;
        final int stage;
        final int concurrency;
        final int maxBatchSize;
        final List<HandlerSpec> upstream;
        /** Every handler this one waits on, directly or through others. */
        final List<HandlerSpec> allUpstream;
        final int throwEvery;
        final FailureMode failureMode;
        final int slowEvery;
        /** Per producer and counter: how often this handler finished the event (succeeded or gave up). */
        final AtomicIntegerArray[] handled;
        final AtomicIntegerArray[] attempts;
        final long[][] lastCounterPerShard;
        final AtomicLong thrown = new AtomicLong();
        final AtomicLong retried = new AtomicLong();
        final AtomicLong discarded = new AtomicLong();
        final ConcurrentLinkedQueue<String> violations;

        HandlerSpec(int index, int stage, int concurrency, int maxBatchSize, List<HandlerSpec> upstream,
                int throwEvery, FailureMode failureMode, int slowEvery, int producers, int eventsPerProducer,
                ConcurrentLinkedQueue<String> violations) {
            this.index = index;
            this.name = "h" + index;
            this.stage = stage;
            this.concurrency = concurrency;
            this.maxBatchSize = maxBatchSize;
            this.upstream = upstream;
            this.allUpstream = upstream.stream()
                    .flatMap(before -> java.util.stream.Stream.concat(java.util.stream.Stream.of(before),
                            before.allUpstream.stream()))
                    .distinct().toList();
            this.throwEvery = throwEvery;
            this.failureMode = failureMode;
            this.slowEvery = slowEvery;
            this.handled = new AtomicIntegerArray[producers];
            this.attempts = new AtomicIntegerArray[producers];
            for (int p = 0; p < producers; p++) {
                handled[p] = new AtomicIntegerArray(eventsPerProducer);
                attempts[p] = new AtomicIntegerArray(eventsPerProducer);
            }
            this.lastCounterPerShard = new long[concurrency][producers];
            for (long[] shard : lastCounterPerShard) {
                Arrays.fill(shard, -1);
            }
            this.violations = violations;
        }

        boolean fails(long counter) {
            return throwEvery > 0 && (counter + index) % throwEvery == 0;
        }

        /** Whether this handler's exception handler ends up discarding the event. */
        boolean discards(long counter) {
            return fails(counter) && failureMode.finalAction == ExceptionAction.DISCARD
                    && failureMode.failingAttempts(counter) >= failureMode.maxAttempts;
        }

        /** Whether an event that its translator wrote completely ever reaches this handler. */
        boolean reaches(long counter) {
            return allUpstream.stream().noneMatch(before -> before.discards(counter));
        }

        HandlerOptions options() {
            HandlerOptions options = HandlerOptions.defaults().withConcurrency(concurrency).withMaxBatchSize(maxBatchSize)
                    .withExceptionHandler((failure, sequence, event, handlerName) -> failureMode.finalAction);
            if (failureMode.maxAttempts > 1) {
                options = options.withRetry(RetryPolicy.of(failureMode.maxAttempts, Duration.ofNanos(20_000)));
            }
            return stage > 0 && upstream.size() == 1 ? options.withDependencies(upstream.get(0).name) : options;
        }

        EventHandler<StressEvent> handler() {
            return (event, sequence, endOfBatch) -> {
                if (event.checksum != StressEvent.checksum(event.producer, event.counter)) {
                    violations.add(name + " saw a half-written event at sequence " + sequence);
                    return;
                }
                if (!reaches(event.counter)) {
                    violations.add(name + " saw producer " + event.producer + "'s event " + event.counter
                            + ", which a handler upstream discarded");
                }
                for (HandlerSpec before : upstream) {
                    if (event.finishedBy[before.index] != sequence) {
                        violations.add(name + " saw sequence " + sequence + " before " + before.name
                                + " finished it (it shows " + event.finishedBy[before.index] + ")");
                    }
                }
                int attempt = attempts[event.producer].incrementAndGet((int) event.counter);
                long[] lastCounter = lastCounterPerShard[(int) (sequence % concurrency)];
                boolean redelivery = attempt > 1 && event.counter == lastCounter[event.producer];
                if (event.counter <= lastCounter[event.producer] && !redelivery) {
                    violations.add(name + " saw producer " + event.producer + "'s event " + event.counter
                            + " after its event " + lastCounter[event.producer]);
                }
                lastCounter[event.producer] = event.counter;
                boolean failsNow = fails(event.counter) && attempt <= failureMode.failingAttempts(event.counter);
                boolean finalAttempt = !failsNow || attempt >= failureMode.maxAttempts;
                if (finalAttempt) {
                    if (handled[event.producer].incrementAndGet((int) event.counter) != 1) {
                        violations.add(name + " finished producer " + event.producer + "'s event " + event.counter
                                + " twice");
                    }
                    event.finishedBy[index] = sequence;
                }
                if (slowEvery > 0 && event.counter % slowEvery == 0) {
                    LockSupport.parkNanos(20_000);
                }
                if (failsNow) {
                    thrown.incrementAndGet();
                    if (!finalAttempt) {
                        retried.incrementAndGet();
                    } else if (failureMode.finalAction == ExceptionAction.DISCARD) {
                        discarded.incrementAndGet();
                    }
                    throw new IllegalStateException("injected failure in " + name);
                }
            };
        }
    }

    /** One random configuration, run to completion. */
    static final class Scenario {
        final String description;
        final int ringSize;
        final ProducerType producerType;
        final WaitStrategy waitStrategy;
        final int producers;
        final int eventsPerProducer;
        final int translatorThrowsEvery;
        final List<List<HandlerSpec>> stages;
        final ConcurrentLinkedQueue<String> violations;
        final long seed;

        private Scenario(String description, int ringSize, ProducerType producerType, WaitStrategy waitStrategy,
                int producers, int eventsPerProducer, int translatorThrowsEvery, List<List<HandlerSpec>> stages,
                ConcurrentLinkedQueue<String> violations, long seed) {
            this.description = description;
            this.ringSize = ringSize;
            this.producerType = producerType;
            this.waitStrategy = waitStrategy;
            this.producers = producers;
            this.eventsPerProducer = eventsPerProducer;
            this.translatorThrowsEvery = translatorThrowsEvery;
            this.stages = stages;
            this.violations = violations;
            this.seed = seed;
        }

        static Scenario random(Random random, int number) {
            int ringSize = 1 << random.nextInt(11);
            ProducerType producerType = random.nextBoolean() ? ProducerType.SINGLE : ProducerType.MULTI;
            int producers = producerType == ProducerType.SINGLE ? 1 : 1 + random.nextInt(4);
            int eventsBudget = ringSize < 16 ? 8_000 : 60_000;
            int eventsPerProducer = 1_000 + random.nextInt(eventsBudget / producers);
            int translatorThrowsEvery = random.nextInt(4) == 0 ? 50 + random.nextInt(500) : 0;
            ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();

            List<List<HandlerSpec>> stages = new ArrayList<>();
            List<HandlerSpec> all = new ArrayList<>();
            int threads = 0;
            int stageCount = 1 + random.nextInt(3);
            for (int stage = 0; stage < stageCount && threads < MAX_HANDLER_THREADS; stage++) {
                List<HandlerSpec> thisStage = new ArrayList<>();
                int handlersInStage = 1 + random.nextInt(3);
                for (int h = 0; h < handlersInStage && threads < MAX_HANDLER_THREADS; h++) {
                    int concurrency = random.nextInt(4) == 0 ? 2 + random.nextInt(2) : 1;
                    concurrency = Math.min(concurrency, MAX_HANDLER_THREADS - threads);
                    List<HandlerSpec> upstream = stage == 0 ? List.of() : stages.get(stage - 1);
                    if (stage > 0 && random.nextInt(3) == 0) {
                        HandlerSpec chosen = all.get(random.nextInt(all.size()));
                        upstream = List.of(chosen);
                    }
                    int maxBatchSize = switch (random.nextInt(4)) {
                        case 0 -> 1;
                        case 1 -> 1 + random.nextInt(16);
                        default -> Integer.MAX_VALUE;
                    };
                    int throwEvery = random.nextInt(3) == 0 ? 7 + random.nextInt(200) : 0;
                    FailureMode failureMode = FailureMode.values()[random.nextInt(FailureMode.values().length)];
                    int slowEvery = random.nextInt(4) == 0 ? 50 + random.nextInt(500) : 0;
                    HandlerSpec spec = new HandlerSpec(all.size(), stage, concurrency, maxBatchSize, upstream,
                            throwEvery, failureMode, slowEvery, producers, eventsPerProducer, violations);
                    thisStage.add(spec);
                    all.add(spec);
                    threads += concurrency;
                }
                stages.add(thisStage);
            }
            WaitStrategy waitStrategy = waitStrategy(random, threads + producers);
            String description = "#" + number + ": ring " + ringSize + ", " + producerType + " x" + producers
                    + ", " + waitStrategy.name() + ", " + eventsPerProducer + " events per producer"
                    + (translatorThrowsEvery > 0 ? ", translator throws every ~" + translatorThrowsEvery : "")
                    + ", stages " + describe(stages);
            return new Scenario(description, ringSize, producerType, waitStrategy, producers, eventsPerProducer,
                    translatorThrowsEvery, stages, violations, random.nextLong());
        }

        /** Spinning strategies only when every thread has a core; otherwise ones that give the CPU away. */
        private static WaitStrategy waitStrategy(Random random, int threads) {
            int choice = random.nextInt(threads <= CORES ? 4 : 3);
            return switch (choice) {
                case 0 -> new BlockingWaitStrategy();
                case 1 -> new SleepingWaitStrategy();
                case 2 -> new YieldingWaitStrategy();
                default -> new BusySpinWaitStrategy();
            };
        }

        private static String describe(List<List<HandlerSpec>> stages) {
            StringBuilder text = new StringBuilder();
            for (List<HandlerSpec> stage : stages) {
                text.append('[');
                for (HandlerSpec spec : stage) {
                    text.append(spec.name);
                    if (spec.concurrency > 1) {
                        text.append(" x").append(spec.concurrency);
                    }
                    if (spec.maxBatchSize != Integer.MAX_VALUE) {
                        text.append(" batch<=").append(spec.maxBatchSize);
                    }
                    if (spec.stage > 0 && spec.upstream.size() == 1) {
                        text.append(" after ").append(spec.upstream.get(0).name);
                    }
                    if (spec.throwEvery > 0) {
                        text.append(" throws/").append(spec.throwEvery).append(' ')
                                .append(spec.failureMode.name().toLowerCase(java.util.Locale.ROOT));
                    }
                    if (spec.slowEvery > 0) {
                        text.append(" slow/").append(spec.slowEvery);
                    }
                    text.append(' ');
                }
                text.setLength(text.length() - 1);
                text.append(']');
            }
            return text.toString();
        }

        /** Runs the scenario and checks it; returns the number of events accepted. */
        long run() throws InterruptedException {
            List<HandlerSpec> all = stages.stream().flatMap(List::stream).toList();
            DisruptorBuilder<StressEvent> builder = DisruptorBuilder.withRingBuffer(ringSize, StressEvent::new)
                    .withName("stress")
                    .withWaitStrategy(waitStrategy)
                    .withProducerType(producerType);
            for (List<HandlerSpec> stage : stages) {
                builder.withBarrier(scope -> stage.forEach(spec -> scope.handleEvents(spec.name, spec.handler(),
                        spec.options())));
            }
            Disruptor<StressEvent> disruptor = builder.build();
            disruptor.start();

            Producer[] producerTasks = new Producer[producers];
            Thread[] threads = new Thread[producers];
            CountDownLatch go = new CountDownLatch(1);
            for (int p = 0; p < producers; p++) {
                producerTasks[p] = new Producer(p, disruptor, new Random(seed + p), go);
                threads[p] = new Thread(producerTasks[p], "stress-producer-" + p);
                threads[p].start();
            }
            go.countDown();
            long joinDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (Thread thread : threads) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(joinDeadline - System.nanoTime())));
                if (thread.isAlive()) {
                    disruptor.halt();
                    thread.interrupt();
                    thread.join(5_000);
                    throw new AssertionError(description + ": producer " + thread.getName()
                            + " did not finish within 60 s");
                }
            }
            long shutdownStart = System.nanoTime();
            boolean drained = disruptor.shutdown(SHUTDOWN_BUDGET);
            long shutdownMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - shutdownStart);

            long accepted = 0;
            for (Producer producer : producerTasks) {
                assertThat(producer.failure).as(description).isNull();
                accepted += producer.accepted;
            }
            assertThat(drained).as(description + ": shutdown drained (took " + shutdownMillis + " ms)").isTrue();
            assertThat(violations).as(description).isEmpty();
            for (HandlerSpec spec : all) {
                for (int p = 0; p < producers; p++) {
                    boolean[] discarded = producerTasks[p].discarded;
                    for (int counter = 0; counter < eventsPerProducer; counter++) {
                        int times = spec.handled[p].get(counter);
                        int expected = discarded[counter] || !spec.reaches(counter) ? 0 : 1;
                        if (times != expected) {
                            throw new AssertionError(description + ": " + spec.name + " finished producer " + p
                                    + "'s event " + counter + " " + times + " times, expected " + expected
                                    + (discarded[counter] ? " (its translator threw)" : "")
                                    + (spec.reaches(counter) ? "" : " (discarded upstream)"));
                        }
                    }
                }
                HandlerMonitor monitor = disruptor.monitor().handlers().stream()
                        .filter(h -> h.name().equals(spec.name)).findFirst().orElseThrow();
                assertThat(monitor.concurrency()).as(description + ": shards of " + spec.name).isEqualTo(spec.concurrency);
                assertThat(monitor.errorCount()).as(description + ": error count of " + spec.name)
                        .isEqualTo(spec.thrown.get());
                assertThat(monitor.retryCount()).as(description + ": retry count of " + spec.name)
                        .isEqualTo(spec.retried.get());
                assertThat(monitor.discardedCount()).as(description + ": discard count of " + spec.name)
                        .isEqualTo(spec.discarded.get());
            }
            assertThat(disruptor.monitor().handlers()).as(description)
                    .allSatisfy(h -> assertThat(h.isThreadAlive()).isFalse());
            return accepted;
        }

        /** Publishes {@code eventsPerProducer} events with a random mix of every publish variant. */
        final class Producer implements Runnable {
            final int id;
            final Disruptor<StressEvent> disruptor;
            final Random random;
            final CountDownLatch go;
            final boolean[] discarded = new boolean[eventsPerProducer];
            long accepted;
            volatile Throwable failure;

            Producer(int id, Disruptor<StressEvent> disruptor, Random random, CountDownLatch go) {
                this.id = id;
                this.disruptor = disruptor;
                this.random = random;
                this.go = go;
            }

            @Override
            public void run() {
                try {
                    go.await();
                    int counter = 0;
                    while (counter < eventsPerProducer) {
                        int remaining = eventsPerProducer - counter;
                        int batch = Math.min(remaining, 1 + random.nextInt(Math.min(ringSize, 32)));
                        boolean fail = translatorThrowsEvery > 0 && random.nextInt(translatorThrowsEvery) == 0;
                        counter += publish(counter, batch, fail);
                    }
                } catch (Throwable unexpected) {
                    failure = unexpected;
                }
            }

            /** Publishes events from {@code counter} on; returns how many counters it used. */
            private int publish(int counter, int batch, boolean fail) {
                int variant = random.nextInt(7);
                int count = variant >= 5 ? batch : 1;
                try {
                    switch (variant) {
                        case 0 -> disruptor.publish((event, sequence) -> write(event, counter, fail));
                        case 1 -> disruptor.publish((event, sequence, c) -> write(event, c, fail), counter);
                        case 2 -> disruptor.publish((event, sequence, c, f) -> write(event, c, f), counter, fail);
                        case 3 -> {
                            while (!disruptor.tryPublish((event, sequence) -> write(event, counter, fail))) {
                                Thread.yield();
                            }
                        }
                        case 4 -> {
                            while (!disruptor.tryPublish((event, sequence) -> write(event, counter, fail),
                                    Duration.ofMillis(1))) {
                                Thread.yield();
                            }
                        }
                        case 5 -> {
                            int[] next = {counter};
                            int failAt = fail ? random.nextInt(count) : -1;
                            disruptor.publishBatch(count, (event, sequence) -> {
                                int c = next[0]++;
                                write(event, c, c - counter == failAt);
                            });
                        }
                        default -> {
                            Integer[] counters = new Integer[count + 2];
                            for (int i = 0; i < count; i++) {
                                counters[i + 1] = counter + i;
                            }
                            int failAt = fail ? counter + random.nextInt(count) : -1;
                            disruptor.publishBatch((event, sequence, c) -> write(event, c, c == failAt),
                                    counters, 1, count);
                        }
                    }
                    accepted += count;
                } catch (InjectedTranslatorFailure expected) {
                    for (int i = 0; i < count; i++) {
                        discarded[counter + i] = true;
                    }
                }
                return count;
            }

            private void write(StressEvent event, int counter, boolean fail) {
                event.producer = id;
                event.counter = counter;
                if (fail) {
                    throw new InjectedTranslatorFailure();
                }
                event.checksum = StressEvent.checksum(id, counter);
            }
        }
    }

    /** What a translator throws half-way through writing its event. */
    static final class InjectedTranslatorFailure extends RuntimeException {
        InjectedTranslatorFailure() {
            super("injected translator failure", null, false, false);
        }
    }
}
