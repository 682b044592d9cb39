package io.github.disruptor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.awaitility.Durations.ONE_MILLISECOND;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Builder validation and the monitoring view it wires. */
class BuilderTest {

    @ParameterizedTest
    @CsvSource({"1000, 512, 1024", "3, 2, 4", "1025, 1024, 2048"})
    void aRingSizeThatIsNotAPowerOfTwoNamesTheNearestPowers(int size, int lower, int upper) {
        assertThatThrownBy(() -> DisruptorBuilder.withRingBuffer(size, LongEvent::new))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ring size must be a power of two, was " + size + "; the nearest powers of two are "
                        + lower + " and " + upper);
    }

    @Test
    void aRingSizeOutOfRangeIsRefused() {
        assertThatThrownBy(() -> DisruptorBuilder.withRingBuffer(0, LongEvent::new))
                .hasMessage("ring size must be a positive power of two, was 0; for example 1024");
        assertThatThrownBy(() -> DisruptorBuilder.withRingBuffer(Integer.MAX_VALUE, LongEvent::new))
                .hasMessageContaining("at most 2^30");
    }

    @Test
    void structuralMistakesAreNamed() {
        assertThatThrownBy(() -> DisruptorBuilder.withRingBuffer(8, LongEvent::new).build())
                .hasMessageContaining("needs at least one handler");
        assertThatThrownBy(() -> DisruptorBuilder.withRingBuffer(8, LongEvent::new).withBarrier(scope -> { }))
                .hasMessage("withBarrier #0 declared no handler; call scope.handleEvents(...) at least once");
        assertThatThrownBy(() -> DisruptorBuilder.withRingBuffer(8, LongEvent::new)
                .withBarrier(scope -> scope.handleEvents("a", (e, s, b) -> { }).handleEvents("a", (e, s, b) -> { }))
                .build()).hasMessageContaining("handler name 'a' is used twice");
        assertThatThrownBy(() -> DisruptorBuilder.withRingBuffer(8, LongEvent::new)
                .withBarrier(scope -> scope.handleEvents("a", (e, s, b) -> { }))
                .withBarrier(scope -> scope.handleEvents("b", (e, s, b) -> { }, HandlerOptions.defaults().withDependencies("c")))
                .build()).hasMessage("handler 'b' depends on 'c', which is not declared before it (declared so far: a)");
        assertThatThrownBy(() -> DisruptorBuilder.withRingBuffer(8, () -> null)
                .withBarrier(scope -> scope.handleEvents("a", (e, s, b) -> { })).build())
                .hasMessageContaining("the event factory returned null for slot 0");
    }

    @Test
    void aBatchLargerThanTheRingIsRefusedBeforeAnythingIsClaimed() {
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(8, LongEvent::new).withName("small")
                .withBarrier(scope -> scope.handleEvents("a", (e, s, b) -> { })).build();
        assertThatThrownBy(() -> disruptor.publishBatch(9, (event, sequence) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot claim 9 slots at once on ring 'small'; a claim must be between 1 and the ring size, 8");
        assertThat(disruptor.ringBuffer().cursor()).isEqualTo(-1);
    }

    @Test
    void theMonitorDescribesTheWiring() {
        AtomicInteger created = new AtomicInteger();
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(32, LongEvent::new)
                .withName("orders")
                .withSleepingWaitStrategy()
                .withSingleProducerSequencer()
                .withThreadFactory(runnable -> {
                    created.incrementAndGet();
                    return new Thread(runnable);
                })
                .withBarrier(scope -> scope.handleEvents(new Journal()).handleEvents((e, s, b) -> { }))
                .withBarrier(scope -> scope.handleEvents("matcher", (e, s, b) -> { }))
                .build();
        DisruptorMonitor monitor = disruptor.monitor();
        assertThat(monitor.name()).isEqualTo("orders");
        assertThat(monitor.ringSize()).isEqualTo(32);
        assertThat(monitor.producerType()).isEqualTo(ProducerType.SINGLE);
        assertThat(monitor.waitStrategy()).isEqualTo("sleeping");
        assertThat(monitor.state()).isEqualTo(DisruptorState.NEW);
        assertThat(monitor.handlers()).extracting(HandlerMonitor::name, HandlerMonitor::stage, HandlerMonitor::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("journal", 0, HandlerState.IDLE),
                        org.assertj.core.groups.Tuple.tuple("handler-0-1", 0, HandlerState.IDLE),
                        org.assertj.core.groups.Tuple.tuple("matcher", 1, HandlerState.IDLE));
        disruptor.start();
        assertThat(created).hasValue(3);
        LongEvent.publishValues(disruptor, 40);
        await("every handler to catch up").atMost(Duration.ofSeconds(20)).pollInterval(ONE_MILLISECOND)
                .untilAsserted(() -> assertThat(monitor.handlers()).extracting(HandlerMonitor::sequence, HandlerMonitor::lag)
                        .containsOnly(org.assertj.core.groups.Tuple.tuple(39L, 0L)));
        assertThat(monitor.cursor()).isEqualTo(39);
        assertThat(monitor.remainingCapacity()).isEqualTo(32);
        assertThat(disruptor.shutdown(Duration.ofSeconds(20))).isTrue();
    }

    @Test
    void handlersOfOneClassOrOneLambdaGetDerivedUniqueNamesInDeclarationOrder() {
        List<String> seen = new CopyOnWriteArrayList<>();
        EventHandler<LongEvent> lambda = (event, sequence, end) -> seen.add("lambda");
        Recorder first = new Recorder(seen, "first");
        Recorder second = new Recorder(seen, "second");
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(8, LongEvent::new)
                .withBarrier(scope -> scope.handleEvents(first).handleEvents(second).handleEvents(lambda)
                        .handleEvents(lambda))
                .withBarrier(scope -> scope.handleEvents(new Recorder(seen, "third"))
                        .handleEvents("recorder-3", new Recorder(seen, "explicit")))
                .build();
        assertThat(disruptor.monitor().handlers()).extracting(HandlerMonitor::name).containsExactly(
                "recorder", "recorder-2", "handler-0-2", "handler-0-3", "recorder-4", "recorder-3");
        disruptor.start();
        disruptor.publish(LongEvent.VALUE, 1L);
        assertThat(disruptor.shutdown(Duration.ofSeconds(10))).isTrue();
        assertThat(seen).containsExactlyInAnyOrder("first", "second", "lambda", "lambda", "third", "explicit");
    }

    @Test
    void aDerivedNameCanBeNamedAsADependency() {
        AtomicInteger afterSecond = new AtomicInteger();
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(8, LongEvent::new)
                .withBarrier(scope -> scope.handleEvents(new Recorder(new CopyOnWriteArrayList<>(), "a"))
                        .handleEvents(new Recorder(new CopyOnWriteArrayList<>(), "b")))
                .withBarrier(scope -> scope.handleEvents("audit", (event, sequence, end) -> afterSecond.incrementAndGet(),
                        HandlerOptions.defaults().withDependencies("recorder-2")))
                .build();
        disruptor.start();
        LongEvent.publishValues(disruptor, 5);
        assertThat(disruptor.shutdown(Duration.ofSeconds(10))).isTrue();
        assertThat(afterSecond).hasValue(5);
    }

    static final class Recorder implements EventHandler<LongEvent> {
        private final List<String> seen;
        private final String label;

        Recorder(List<String> seen, String label) {
            this.seen = seen;
            this.label = label;
        }

        @Override
        public void onEvent(LongEvent event, long sequence, boolean endOfBatch) {
            seen.add(label);
        }
    }

    static final class Journal implements EventHandler<LongEvent> {
        @Override
        public void onEvent(LongEvent event, long sequence, boolean endOfBatch) {
        }
    }
}
