package io.github.disruptor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.awaitility.Durations.ONE_MILLISECOND;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link ExceptionAction#DISCARD}, {@link RetryPolicy}, and how both show in the monitor. */
class DiscardAndRetryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static Disruptor<LongEvent> start(Disruptor<LongEvent> disruptor) {
        disruptor.start();
        return disruptor;
    }

    @ParameterizedTest
    @EnumSource(ProducerType.class)
    void aDiscardedEventReachesNoHandlerBehindTheDiscardingOneButItsSiblingsStillSeeIt(ProducerType producers) {
        List<Long> sibling = new CopyOnWriteArrayList<>();
        List<Long> nextStage = new CopyOnWriteArrayList<>();
        List<Long> afterNextStage = new CopyOnWriteArrayList<>();
        List<Long> afterValidator = new CopyOnWriteArrayList<>();
        Disruptor<LongEvent> disruptor = start(DisruptorBuilder.withRingBuffer(16, LongEvent::new)
                .withProducerType(producers)
                .withBarrier(scope -> scope
                        .handleEvents("validator", (event, sequence, end) -> {
                            if (event.value % 2 == 1) {
                                throw new IllegalArgumentException("odd " + event.value);
                            }
                        }, HandlerOptions.defaults().withExceptionHandler(ExceptionHandler.logAndDiscard()))
                        .handleEvents("sibling", (event, sequence, end) -> sibling.add(event.value)))
                .withBarrier(scope -> scope.handleEvents("settlement", (event, sequence, end) -> nextStage.add(event.value)))
                .withBarrier(scope -> scope
                        .handleEvents("audit", (event, sequence, end) -> afterNextStage.add(event.value))
                        .handleEvents("direct", (event, sequence, end) -> afterValidator.add(event.value),
                                HandlerOptions.defaults().withDependencies("validator")))
                .build());

        LongEvent.publishValues(disruptor, 200);
        assertThat(disruptor.shutdown(PATIENCE)).isTrue();

        List<Long> evens = java.util.stream.LongStream.range(0, 200).filter(v -> v % 2 == 0).boxed().toList();
        assertThat(nextStage).as("the next stage").isEqualTo(evens);
        assertThat(afterNextStage).as("a later stage, through the next one").isEqualTo(evens);
        assertThat(afterValidator).as("a handler that waits on the validator directly").isEqualTo(evens);
        assertThat(sibling).as("the validator's sibling is not behind it").hasSize(200);
        DisruptorMonitor monitor = disruptor.monitor();
        assertThat(monitor.handlers()).as("every sequence passed every discarded event")
                .allSatisfy(handler -> assertThat(handler.sequence()).isEqualTo(199));
        HandlerMonitor validator = LifecycleTest.handler(disruptor, "validator");
        assertThat(validator.errorCount()).isEqualTo(100);
        assertThat(validator.discardedCount()).isEqualTo(100);
        assertThat(LifecycleTest.handler(disruptor, "settlement").discardedCount()).isZero();
    }

    @Test
    void aShardedHandlerDiscardsOnlyItsFailedEventsAndTheStageBehindSkipsThem() {
        List<Long> behind = new CopyOnWriteArrayList<>();
        Disruptor<LongEvent> disruptor = start(DisruptorBuilder.withRingBuffer(64, LongEvent::new)
                .withBarrier(scope -> scope.handleEvents("enrich", (event, sequence, end) -> {
                    if (event.value % 7 == 0) {
                        throw new IllegalStateException("cannot enrich " + event.value);
                    }
                }, HandlerOptions.defaults().withConcurrency(3).withExceptionHandler(ExceptionHandler.logAndDiscard())))
                .withBarrier(scope -> scope.handleEvents("store", (event, sequence, end) -> behind.add(event.value)))
                .build());
        LongEvent.publishValues(disruptor, 1_000);
        assertThat(disruptor.shutdown(PATIENCE)).isTrue();
        assertThat(behind).isEqualTo(java.util.stream.LongStream.range(0, 1_000).filter(v -> v % 7 != 0).boxed().toList());
        HandlerMonitor enrich = disruptor.monitor().handlers().get(0);
        assertThat(enrich.discardedCount()).isEqualTo(143);
        assertThat(enrich.shards()).hasSize(3)
                .allSatisfy(shard -> assertThat(shard.discardedCount()).isBetween(47L, 48L));
    }

    @Test
    void aRetryThatSucceedsOnTheThirdAttemptHoldsBackEverythingBehindUntilThen() {
        Map<Long, Integer> attempts = new ConcurrentHashMap<>();
        List<String> order = new CopyOnWriteArrayList<>();
        Disruptor<LongEvent> disruptor = start(DisruptorBuilder.withRingBuffer(16, LongEvent::new)
                .withBarrier(scope -> scope.handleEvents("flaky", (event, sequence, end) -> {
                    int attempt = attempts.merge(sequence, 1, Integer::sum);
                    if (sequence == 3 && attempt < 3) {
                        throw new IllegalStateException("transient, attempt " + attempt);
                    }
                    order.add("flaky " + sequence + " #" + attempt);
                }, HandlerOptions.defaults().withRetry(RetryPolicy.of(3, Duration.ofMillis(5)))))
                .withBarrier(scope -> scope.handleEvents("downstream", (event, sequence, end) ->
                        order.add("downstream " + sequence)))
                .build());
        LongEvent.publishValues(disruptor, 6);
        assertThat(disruptor.shutdown(PATIENCE)).isTrue();

        assertThat(order).filteredOn(line -> line.startsWith("flaky"))
                .containsExactly("flaky 0 #1", "flaky 1 #1", "flaky 2 #1", "flaky 3 #3", "flaky 4 #1", "flaky 5 #1");
        assertThat(order).filteredOn(line -> line.startsWith("downstream"))
                .containsExactly("downstream 0", "downstream 1", "downstream 2", "downstream 3", "downstream 4",
                        "downstream 5");
        assertThat(order.indexOf("downstream 3")).as("downstream saw event 3 only after it succeeded")
                .isGreaterThan(order.indexOf("flaky 3 #3"));
        HandlerMonitor flaky = LifecycleTest.handler(disruptor, "flaky");
        assertThat(flaky.errorCount()).isEqualTo(2);
        assertThat(flaky.retryCount()).isEqualTo(2);
        assertThat(flaky.discardedCount()).isZero();
    }

    @Test
    void aRetryThatGivesUpLeavesTheDecisionToTheExceptionHandlerWhichDiscards() {
        AtomicInteger attempts = new AtomicInteger();
        List<Long> downstream = new CopyOnWriteArrayList<>();
        List<String> decided = new CopyOnWriteArrayList<>();
        ExceptionHandler deadLetter = (failure, sequence, event, handler) -> {
            decided.add(handler + " gave up on " + ((LongEvent) event).value + ": " + failure.getMessage());
            return ExceptionAction.DISCARD;
        };
        Disruptor<LongEvent> disruptor = start(DisruptorBuilder.withRingBuffer(16, LongEvent::new)
                .withBarrier(scope -> scope.handleEvents("payments", (event, sequence, end) -> {
                    if (event.value == 2) {
                        throw new IllegalStateException("declined, attempt " + attempts.incrementAndGet());
                    }
                }, HandlerOptions.defaults().withExceptionHandler(deadLetter)
                        .withRetry(RetryPolicy.of(4, Duration.ofMillis(1)).withMultiplier(2).withMaxBackOff(Duration.ofMillis(3)))))
                .withBarrier(scope -> scope.handleEvents("settle", (event, sequence, end) -> downstream.add(event.value)))
                .build());
        LongEvent.publishValues(disruptor, 5);
        assertThat(disruptor.shutdown(PATIENCE)).isTrue();

        assertThat(attempts).hasValue(4);
        assertThat(decided).containsExactly("payments gave up on 2: declined, attempt 4");
        assertThat(downstream).containsExactly(0L, 1L, 3L, 4L);
        HandlerMonitor payments = LifecycleTest.handler(disruptor, "payments");
        assertThat(payments.errorCount()).isEqualTo(4);
        assertThat(payments.retryCount()).isEqualTo(3);
        assertThat(payments.discardedCount()).isEqualTo(1);
    }

    @Test
    void aHaltCutsARetryBackOffShortAndTheRestartHandsTheEventOverAgain() {
        AtomicInteger attempts = new AtomicInteger();
        List<Long> downstream = new CopyOnWriteArrayList<>();
        Disruptor<LongEvent> disruptor = start(DisruptorBuilder.withRingBuffer(16, LongEvent::new)
                .withBarrier(scope -> scope.handleEvents("slowRetry", (event, sequence, end) -> {
                    if (sequence == 1 && attempts.incrementAndGet() == 1) {
                        throw new IllegalStateException("first attempt fails");
                    }
                }, HandlerOptions.defaults().withRetry(RetryPolicy.of(2, Duration.ofHours(1)))))
                .withBarrier(scope -> scope.handleEvents("downstream", (event, sequence, end) -> downstream.add(event.value)))
                .build());
        LongEvent.publishValues(disruptor, 3);
        await("the first retry to be counted").atMost(PATIENCE).pollInterval(ONE_MILLISECOND)
                .untilAsserted(() -> assertThat(LifecycleTest.handler(disruptor, "slowRetry").retryCount()).isOne());
        await("downstream to get the event before the retried one").atMost(PATIENCE).pollInterval(ONE_MILLISECOND)
                .untilAsserted(() -> assertThat(downstream).hasSize(1));

        long started = System.nanoTime();
        assertThat(disruptor.stop(Duration.ofMillis(300))).as("the retried event could not drain").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(downstream).containsExactly(0L);

        disruptor.start();
        assertThat(disruptor.shutdown(PATIENCE)).isTrue();
        assertThat(attempts).hasValue(2);
        assertThat(downstream).containsExactly(0L, 1L, 2L);
    }

    /** A journal-like handler that buffers its batch and writes it at endOfBatch. */
    static final class BufferingWriter implements EventHandler<LongEvent> {
        final List<Long> buffer = new CopyOnWriteArrayList<>();
        final List<List<Long>> written = new CopyOnWriteArrayList<>();
        final AtomicInteger failuresLeft;

        BufferingWriter(int failures) {
            this.failuresLeft = new AtomicInteger(failures);
        }

        @Override
        public void onBatchStart(long batchSize, long queueDepth) {
            buffer.clear();
        }

        @Override
        public void onEvent(LongEvent event, long sequence, boolean endOfBatch) {
            buffer.add(event.value);
            if (endOfBatch) {
                if (failuresLeft.getAndDecrement() > 0) {
                    throw new IllegalStateException("disk full");
                }
                written.add(List.copyOf(buffer));
            }
        }
    }

    @Test
    void aBatchRewindingHandlerGetsItsWholeBatchAgainAndNothingBehindSeesItEarly() {
        BufferingWriter journal = new BufferingWriter(2);
        List<String> order = new CopyOnWriteArrayList<>();
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(16, LongEvent::new)
                .withBarrier(scope -> scope.handleEvents("journal", journal, HandlerOptions.defaults().withBatchRewind()
                        .withRetry(RetryPolicy.of(3, Duration.ofMillis(1)))))
                .withBarrier(scope -> scope.handleEvents("matching", (event, sequence, end) -> {
                    order.add("matching " + event.value + " after " + journal.written.size() + " writes");
                }))
                .build();
        disruptor.publishBatch(5, (event, sequence) -> event.value = sequence);
        disruptor.start();
        assertThat(disruptor.shutdown(PATIENCE)).isTrue();

        assertThat(journal.written).containsExactly(List.of(0L, 1L, 2L, 3L, 4L));
        assertThat(order).containsExactly("matching 0 after 1 writes", "matching 1 after 1 writes",
                "matching 2 after 1 writes", "matching 3 after 1 writes", "matching 4 after 1 writes");
        HandlerMonitor monitor = LifecycleTest.handler(disruptor, "journal");
        assertThat(monitor.retryCount()).isEqualTo(2);
        assertThat(monitor.errorCount()).isEqualTo(2);
    }

    @Test
    void aBatchRewindingHandlerThatHaltsStopsBeforeItsBatch() {
        BufferingWriter journal = new BufferingWriter(0);
        List<Long> behind = new CopyOnWriteArrayList<>();
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(16, LongEvent::new)
                .withBarrier(scope -> scope.handleEvents("journal", journal, HandlerOptions.defaults().withBatchRewind()
                        .withMaxBatchSize(3).withExceptionHandler(ExceptionHandler.logAndHalt())))
                .withBarrier(scope -> scope.handleEvents("matching", (event, sequence, end) -> behind.add(event.value)))
                .build();
        disruptor.publishBatch(3, (event, sequence) -> event.value = sequence);
        disruptor.start();
        await().atMost(PATIENCE).until(() -> behind.size() == 3);
        journal.failuresLeft.set(Integer.MAX_VALUE);
        disruptor.publishBatch(3, (event, sequence) -> event.value = sequence);
        await().atMost(PATIENCE).until(() -> LifecycleTest.handler(disruptor, "journal").state() == HandlerState.HALTED);

        assertThat(LifecycleTest.handler(disruptor, "journal").sequence()).as("halted before the failed batch")
                .isEqualTo(2);
        assertThat(behind).containsExactly(0L, 1L, 2L);
        assertThat(disruptor.shutdown(Duration.ofMillis(100))).isFalse();
    }

    @Test
    void aFailureTheRetryPolicyDoesNotAcceptGoesStraightToTheExceptionHandler() {
        List<String> attempts = new CopyOnWriteArrayList<>();
        List<Long> behind = new CopyOnWriteArrayList<>();
        Disruptor<LongEvent> disruptor = start(DisruptorBuilder.withRingBuffer(16, LongEvent::new)
                .withBarrier(scope -> scope.handleEvents("journal", (event, sequence, end) -> {
                    attempts.add(sequence + (event.value == 1 ? " transient" : event.value == 3 ? " fatal" : " ok"));
                    if (event.value == 1 && attempts.stream().filter(a -> a.startsWith("1 ")).count() < 2) {
                        throw new java.io.UncheckedIOException(new java.io.IOException("disk busy"));
                    }
                    if (event.value == 3) {
                        throw new IllegalStateException("fsync failed");
                    }
                }, HandlerOptions.defaults().withExceptionHandler(ExceptionHandler.logAndHalt())
                        .withRetry(RetryPolicy.of(5, Duration.ZERO)
                                .retryOnly(failure -> failure instanceof java.io.UncheckedIOException))))
                .withBarrier(scope -> scope.handleEvents("matching", (event, sequence, end) -> behind.add(event.value)))
                .build());
        LongEvent.publishValues(disruptor, 5);
        await().atMost(PATIENCE).until(() -> LifecycleTest.handler(disruptor, "journal").state() == HandlerState.HALTED);

        assertThat(attempts).containsExactly("0 ok", "1 transient", "1 transient", "2 ok", "3 fatal");
        assertThat(behind).containsExactly(0L, 1L, 2L);
        assertThat(LifecycleTest.handler(disruptor, "journal").retryCount()).isEqualTo(1);
        assertThat(disruptor.shutdown(Duration.ofMillis(100))).isFalse();
    }

    @Test
    void retryPolicyArgumentsAreCheckedAndItsBackOffGrowsToItsCap() {
        RetryPolicy policy = RetryPolicy.of(5, Duration.ofMillis(10)).withMultiplier(3).withMaxBackOff(Duration.ofMillis(50));
        assertThat(policy.backOffAfter(1)).isEqualTo(Duration.ofMillis(10));
        assertThat(policy.backOffAfter(2)).isEqualTo(Duration.ofMillis(30));
        assertThat(policy.backOffAfter(3)).isEqualTo(Duration.ofMillis(50));
        assertThat(policy).hasToString("RetryPolicy(5 attempts, back-off PT0.01S x3.0 up to PT0.05S)");
        assertThatThrownBy(() -> RetryPolicy.of(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxAttempts must be at least 1 (the first attempt included), was 0");
        assertThatThrownBy(() -> RetryPolicy.of(2, Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backOff must not be negative");
        assertThatThrownBy(() -> policy.withMultiplier(0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multiplier must be a finite number of at least 1, was 0.5");
        assertThatThrownBy(() -> policy.withMultiplier(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.withMaxBackOff(Duration.ofMillis(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least the first back-off");
    }
}
