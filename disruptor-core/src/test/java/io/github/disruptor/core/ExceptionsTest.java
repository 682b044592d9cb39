package io.github.disruptor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.awaitility.Durations.ONE_MILLISECOND;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Handler and translator exceptions: counted, routed to the policy, never a silent thread death. */
class ExceptionsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void byDefaultAFailingEventIsCountedAndTheHandlerMovesOn() {
        List<Long> handled = new CopyOnWriteArrayList<>();
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(16, LongEvent::new)
                .withBarrier(scope -> scope.handleEvents("picky", (event, sequence, end) -> {
                    if (event.value % 3 == 0) {
                        throw new IllegalStateException("no multiples of three");
                    }
                    handled.add(event.value);
                }))
                .build();
        disruptor.start();
        for (long i = 1; i <= 9; i++) {
            disruptor.publish(LongEvent.VALUE, i);
        }
        assertThat(disruptor.shutdown(Duration.ofSeconds(20))).isTrue();
        assertThat(handled).containsExactly(1L, 2L, 4L, 5L, 7L, 8L);
        HandlerMonitor picky = disruptor.monitor().handlers().get(0);
        assertThat(picky.errorCount()).isEqualTo(3);
        assertThat(picky.sequence()).isEqualTo(8);
    }

    @Test
    void theHaltPolicyStopsOnlyThatHandlerWithItsSequenceJustBeforeTheFailingEvent() {
        AtomicLong downstream = new AtomicLong();
        AtomicLong sibling = new AtomicLong();
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(16, LongEvent::new)
                .withBarrier(scope -> scope
                        .handleEvents("fragile", (event, sequence, end) -> {
                            if (sequence == 2) {
                                throw new IllegalArgumentException("bad order");
                            }
                        }, HandlerOptions.defaults().withExceptionHandler(ExceptionHandler.logAndHalt()))
                        .handleEvents("sibling", (event, sequence, end) -> sibling.incrementAndGet()))
                .withBarrier(scope -> scope.handleEvents("downstream", (event, sequence, end) -> downstream.incrementAndGet()))
                .build();
        disruptor.start();
        LongEvent.publishValues(disruptor, 6);
        HandlerMonitor fragile = disruptor.monitor().handlers().get(0);
        await("the fragile handler to halt").atMost(PATIENCE).pollInterval(ONE_MILLISECOND)
                .untilAsserted(() -> assertThat(fragile.state()).isEqualTo(HandlerState.HALTED));
        await("the sibling to handle every event").atMost(PATIENCE).pollInterval(ONE_MILLISECOND)
                .untilAsserted(() -> assertThat(sibling).hasValue(6));
        await("downstream to handle everything before the failing event").atMost(PATIENCE).pollInterval(ONE_MILLISECOND)
                .untilAsserted(() -> assertThat(downstream).hasValue(2));
        assertThat(fragile.sequence()).isEqualTo(1);
        assertThat(fragile.errorCount()).isEqualTo(1);
        await("the halted handler's thread to end").atMost(PATIENCE).pollInterval(ONE_MILLISECOND).until(() -> !fragile.isThreadAlive());
        assertThat(disruptor.shutdown(Duration.ofMillis(200))).as("a halted handler cannot drain").isFalse();
        assertThat(downstream).as("the failed event never reached the stage behind").hasValue(2);
    }

    @Test
    void aCustomExceptionHandlerSeesTheFailureAndAThrowingOneHaltsTheHandler() {
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        ExceptionHandler recording = (failure, sequence, event, handlerName) -> {
            seen.add(handlerName + "@" + sequence + ": " + failure.getMessage());
            if (sequence == 1) {
                throw new IllegalStateException("the exception handler itself failed");
            }
            return ExceptionAction.CONTINUE;
        };
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(8, LongEvent::new)
                .withExceptionHandler(recording)
                .withBarrier(scope -> scope.handleEvents("alwaysFails", (event, sequence, end) -> {
                    throw new RuntimeException("boom " + sequence);
                }))
                .build();
        disruptor.start();
        LongEvent.publishValues(disruptor, 3);
        HandlerMonitor handler = disruptor.monitor().handlers().get(0);
        await("the handler to halt").atMost(PATIENCE).pollInterval(ONE_MILLISECOND)
                .untilAsserted(() -> assertThat(handler.state()).isEqualTo(HandlerState.HALTED));
        assertThat(seen).containsExactly("alwaysFails@0: boom 0", "alwaysFails@1: boom 1");
        assertThat(handler.errorCount()).isEqualTo(2);
        disruptor.halt();
    }

    @ParameterizedTest
    @EnumSource(ProducerType.class)
    void aThrowingTranslatorPublishesNothingAHandlerCouldSeeAndTheRingKeepsWorking(ProducerType producerType) {
        List<Long> handled = new CopyOnWriteArrayList<>();
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(4, LongEvent::new)
                .withProducerType(producerType)
                .withBarrier(scope -> scope
                        .handleEvents("plain", (event, sequence, end) -> handled.add(event.value))
                        .handleEvents("sharded", (event, sequence, end) -> { }, HandlerOptions.defaults().withConcurrency(2)))
                .build();
        disruptor.start();
        disruptor.publish(LongEvent.VALUE, 1L);
        assertThatThrownBy(() -> disruptor.publish((event, sequence) -> {
            event.value = -1;
            throw new IllegalArgumentException("half-written");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("half-written");
        assertThatThrownBy(() -> disruptor.publishBatch(3, (event, sequence) -> {
            event.value = -2;
            if (sequence % 3 == 0) {
                throw new IllegalStateException("batch failed at " + sequence);
            }
        })).isInstanceOf(IllegalStateException.class);
        for (long i = 2; i <= 9; i++) {
            disruptor.publish(LongEvent.VALUE, i);
        }
        assertThat(disruptor.shutdown(Duration.ofSeconds(20))).isTrue();
        assertThat(handled).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }

    @Test
    void aCheckedExceptionSneakedOutOfATranslatorStillDiscardsTheSlot() {
        List<Long> handled = new CopyOnWriteArrayList<>();
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(2, LongEvent::new)
                .withBarrier(scope -> scope.handleEvents("plain", (event, sequence, end) -> handled.add(event.value)))
                .build();
        disruptor.start();
        assertThatThrownBy(() -> disruptor.publish((event, sequence) -> {
            event.value = -1;
            ExceptionsTest.<RuntimeException>sneak(new java.io.IOException("disk full"));
        })).isInstanceOf(java.io.IOException.class).hasMessage("disk full");
        disruptor.publish(LongEvent.VALUE, 7L);
        assertThat(disruptor.shutdown(Duration.ofSeconds(20))).isTrue();
        assertThat(handled).containsExactly(7L);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneak(Throwable failure) throws T {
        throw (T) failure;
    }
}
