package io.github.disruptor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.awaitility.Durations.ONE_MILLISECOND;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every misconfiguration and misuse we could think of: each fails fast with the right exception type
 * and a message that names the argument, the value given and what would be accepted.
 */
class MisuseTest {

    static final class Event {
        long value;
    }

    private static final EventHandler<Event> NOTHING = (event, sequence, endOfBatch) -> { };

    private final List<Disruptor<?>> built = new ArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (Disruptor<?> disruptor : built) {
            disruptor.halt();
        }
        for (Thread thread : threads) {
            thread.join(10_000);
            assertThat(thread.isAlive()).as("thread %s left running", thread.getName()).isFalse();
        }
    }

    private Disruptor<Event> disruptor(int size) {
        Disruptor<Event> disruptor = DisruptorBuilder.withRingBuffer(size, Event::new)
                .withName("misuse")
                .withThreadFactory(this::track)
                .withBarrier(scope -> scope.handleEvents("only", NOTHING))
                .build();
        built.add(disruptor);
        return disruptor;
    }

    private Thread track(Runnable runnable) {
        Thread thread = new Thread(runnable);
        threads.add(thread);
        return thread;
    }

    // ------------------------------------------------------------------ the ring

    @ParameterizedTest
    @ValueSource(ints = {0, -1, -1024, Integer.MIN_VALUE})
    void aRingSizeBelowOneIsRefused(int size) {
        assertThatThrownBy(() -> DisruptorBuilder.withRingBuffer(size, Event::new))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ring size").hasMessageContaining(String.valueOf(size))
                .hasMessageContaining("positive power of two");
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 1000, 1023, 1025, 3 << 20})
    void aRingSizeThatIsNotAPowerOfTwoIsRefusedWithTheNearestOnes(int size) {
        int lower = Integer.highestOneBit(size);
        assertThatThrownBy(() -> DisruptorBuilder.withRingBuffer(size, Event::new))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ring size").hasMessageContaining(String.valueOf(size))
                .hasMessageContaining("power of two")
                .hasMessageContaining(lower + " and " + (lower << 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {(1 << 30) + 1, Integer.MAX_VALUE})
    void aRingSizeAboveTwoToTheThirtyIsRefused(int size) {
        assertThatThrownBy(() -> DisruptorBuilder.withRingBuffer(size, Event::new))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ring size").hasMessageContaining(String.valueOf(size))
                .hasMessageContaining("at most 2^30");
    }

    @Test
    void theLargestAndSmallestRingSizesAreAccepted() {
        DisruptorBuilder.checkRingSize(1 << 30);
        DisruptorBuilder.checkRingSize(1);
        Disruptor<Event> tiny = disruptor(1);
        tiny.start();
        for (int i = 0; i < 100; i++) {
            tiny.publish((event, sequence) -> event.value = sequence);
        }
        assertThat(tiny.shutdown(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void aMissingEventFactoryIsNamed() {
        assertThatThrownBy(() -> DisruptorBuilder.withRingBuffer(8, (Supplier<Event>) null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("eventFactory");
    }

    @Test
    void anEventFactoryReturningNullIsCaughtAtBuildWithTheSlot() {
        AtomicInteger calls = new AtomicInteger();
        DisruptorBuilder<Event> builder = DisruptorBuilder.withRingBuffer(8,
                        () -> calls.incrementAndGet() == 3 ? null : new Event())
                .withBarrier(scope -> scope.handleEvents("only", NOTHING));
        assertThatThrownBy(builder::build)
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("event factory returned null").hasMessageContaining("slot 2")
                .hasMessageContaining("must return a new event");
    }

    // ------------------------------------------------------------------ the graph

    @Test
    void aDisruptorWithoutHandlersIsRefused() {
        assertThatThrownBy(() -> DisruptorBuilder.withRingBuffer(8, Event::new).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one handler").hasMessageContaining("withBarrier");
    }

    @Test
    void anEmptyBarrierIsRefusedWithItsIndex() {
        DisruptorBuilder<Event> builder = DisruptorBuilder.withRingBuffer(8, Event::new)
                .withBarrier(scope -> scope.handleEvents("first", NOTHING));
        assertThatThrownBy(() -> builder.withBarrier(scope -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("withBarrier #1").hasMessageContaining("no handler")
                .hasMessageContaining("handleEvents");
    }

    @Test
    void duplicateHandlerNamesAreRefusedAcrossStages() {
        DisruptorBuilder<Event> builder = DisruptorBuilder.withRingBuffer(8, Event::new)
                .withBarrier(scope -> scope.handleEvents("journal", NOTHING).handleEvents("replicate", NOTHING))
                .withBarrier(scope -> scope.handleEvents("journal", NOTHING));
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'journal'").hasMessageContaining("used twice")
                .hasMessageContaining("unique");
    }

    @Test
    void duplicateHandlerNamesAreRefusedWithinAStage() {
        DisruptorBuilder<Event> builder = DisruptorBuilder.withRingBuffer(8, Event::new)
                .withBarrier(scope -> scope.handleEvents("same", NOTHING).handleEvents("same", NOTHING));
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'same'");
    }

    @Test
    void anUnknownDependencyIsRefusedWithWhatIsDeclared() {
        DisruptorBuilder<Event> builder = DisruptorBuilder.withRingBuffer(8, Event::new)
                .withBarrier(scope -> scope.handleEvents("journal", NOTHING))
                .withBarrier(scope -> scope.handleEvents("risk", NOTHING,
                        HandlerOptions.defaults().withDependencies("jornal")));
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'risk'").hasMessageContaining("'jornal'")
                .hasMessageContaining("declared so far: journal");
    }

    @Test
    void aHandlerCannotDependOnItself() {
        DisruptorBuilder<Event> builder = DisruptorBuilder.withRingBuffer(8, Event::new)
                .withBarrier(scope -> scope.handleEvents("first", NOTHING))
                .withBarrier(scope -> scope.handleEvents("loop", NOTHING,
                        HandlerOptions.defaults().withDependencies("loop")));
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'loop' depends on 'loop'").hasMessageContaining("not declared before it");
    }

    @Test
    void aNullOrBlankDependencyNameIsNamedWithItsPosition() {
        assertThatThrownBy(() -> HandlerOptions.defaults().withDependencies("journal", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("handlerNames[1]").hasMessageContaining("[journal, null]")
                .hasMessageContaining("declared before");
        assertThatThrownBy(() -> HandlerOptions.defaults().withDependencies(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("handlerNames[0]").hasMessageContaining("blank");
        assertThatThrownBy(() -> HandlerOptions.defaults().withDependencies((String[]) null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("handlerNames");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void aBlankHandlerNameIsRefused(String name) {
        assertThatThrownBy(() -> DisruptorBuilder.withRingBuffer(8, Event::new)
                        .withBarrier(scope -> scope.handleEvents(name, NOTHING)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("handler name").hasMessageContaining("'" + name + "'")
                .hasMessageContaining("must not be blank");
    }

    @Test
    void nullHandlersOptionsAndStagesAreNamed() {
        DisruptorBuilder<Event> builder = DisruptorBuilder.withRingBuffer(8, Event::new);
        assertThatThrownBy(() -> builder.withBarrier(scope -> scope.handleEvents("h", null)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("handler");
        assertThatThrownBy(() -> builder.withBarrier(scope -> scope.handleEvents((EventHandler<Event>) null)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("handler");
        assertThatThrownBy(() -> builder.withBarrier(scope -> scope.handleEvents("h", NOTHING, null)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("options");
        assertThatThrownBy(() -> builder.withBarrier(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("stage");
        assertThatThrownBy(() -> builder.withWaitStrategy(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("waitStrategy");
        assertThatThrownBy(() -> builder.withProducerType(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("producerType");
        assertThatThrownBy(() -> builder.withThreadFactory(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("threadFactory");
        assertThatThrownBy(() -> builder.withExceptionHandler(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("exceptionHandler");
        assertThatThrownBy(() -> HandlerOptions.defaults().withExceptionHandler(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("exceptionHandler");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void aBlankDisruptorNameIsRefused(String name) {
        assertThatThrownBy(() -> DisruptorBuilder.withRingBuffer(8, Event::new).withName(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("disruptor name").hasMessageContaining("'" + name + "'")
                .hasMessageContaining("must not be blank");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void aConcurrencyBelowOneIsRefused(int concurrency) {
        assertThatThrownBy(() -> HandlerOptions.defaults().withConcurrency(concurrency))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("concurrency").hasMessageContaining(String.valueOf(concurrency))
                .hasMessageContaining("at least 1");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void aMaxBatchSizeBelowOneIsRefused(int maxBatchSize) {
        assertThatThrownBy(() -> HandlerOptions.defaults().withMaxBatchSize(maxBatchSize))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBatchSize").hasMessageContaining(String.valueOf(maxBatchSize))
                .hasMessageContaining("at least 1");
    }

    @Test
    void sleepingWaitStrategySettingsAreChecked() {
        assertThatThrownBy(() -> new SleepingWaitStrategy(-1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retries").hasMessageContaining("-1").hasMessageContaining("at least 0");
        assertThatThrownBy(() -> new SleepingWaitStrategy(10, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sleepNanos").hasMessageContaining("0").hasMessageContaining("at least 1");
    }

    // ------------------------------------------------------------------ the life cycle

    /**
     * Sixteen threads on a single-producer ring: the check catches most of their collisions, not all,
     * and a collision it misses can leave the ring's claims in disorder (a producer may then wait for
     * space that never comes, until shutdown releases it). What the test holds: collisions are caught,
     * refused with an exception that names the fix, counted, and every publisher ends.
     */
    @Test
    void concurrentPublishersOnASingleProducerRingAreCaughtRefusedAndCounted() throws Exception {
        Disruptor<Event> disruptor = DisruptorBuilder.withRingBuffer(1024, Event::new)
                .withName("orders")
                .withSingleProducerSequencer()
                .withBarrier(scope -> scope.handleEvents("count", (event, sequence, end) -> { }))
                .build();
        disruptor.start();
        List<IllegalStateException> caught = new CopyOnWriteArrayList<>();
        AtomicInteger finished = new AtomicInteger();
        List<Thread> publishers = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            publishers.add(new Thread(() -> {
                try {
                    for (int i = 0; i < 2_000; i++) {
                        try {
                            disruptor.publish((event, sequence) -> {
                                for (int spin = 0; spin < 50; spin++) {
                                    Thread.onSpinWait();
                                }
                            });
                        } catch (DisruptorClosedException shutDown) {
                            return;
                        } catch (IllegalStateException concurrentClaim) {
                            caught.add(concurrentClaim);
                        }
                    }
                } finally {
                    finished.incrementAndGet();
                }
            }));
        }
        publishers.forEach(Thread::start);
        await("the publishers to finish or a collision to be caught").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(1)).until(() -> finished.get() == 16 || caught.size() > 100);
        disruptor.shutdown(Duration.ofSeconds(1));
        for (Thread publisher : publishers) {
            publisher.join(Duration.ofSeconds(20).toMillis());
            assertThat(publisher.isAlive()).as("a publisher released by shutdown").isFalse();
        }
        assertThat(caught).as("two threads caught claiming at once").isNotEmpty();
        assertThat(caught.get(0)).hasMessageContaining("Disruptor 'orders' uses the single-producer sequencer")
                .hasMessageContaining("this call published nothing")
                .hasMessageContaining("withMultiProducerSequencer()")
                .hasMessageContaining("disruptor.rings.orders.sequencer: multi");
        assertThat(disruptor.monitor().concurrentClaims()).isEqualTo(caught.size());
    }

    @Test
    void aSingleProducerHandedFromThreadToThreadIsNotMistakenForAConcurrentOne() throws Exception {
        Disruptor<Event> disruptor = DisruptorBuilder.withRingBuffer(8, Event::new)
                .withSingleProducerSequencer()
                .withBarrier(scope -> scope.handleEvents("noop", (event, sequence, end) -> { }))
                .build();
        disruptor.start();
        for (int t = 0; t < 20; t++) {
            Thread publisher = new Thread(() -> {
                for (int i = 0; i < 100; i++) {
                    disruptor.publish((event, sequence) -> { });
                }
                assertThatThrownBy(() -> disruptor.publishBatch(9, (event, sequence) -> { }))
                        .isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> disruptor.publish((event, sequence) -> {
                    throw new IllegalStateException("translator");
                })).hasMessage("translator");
            });
            publisher.start();
            publisher.join(Duration.ofSeconds(10).toMillis());
            assertThat(publisher.isAlive()).as("publisher %d finished", t).isFalse();
        }
        assertThat(disruptor.shutdown(Duration.ofSeconds(10))).isTrue();
        assertThat(disruptor.monitor().concurrentClaims()).isZero();
        assertThat(disruptor.ringBuffer().cursor()).isEqualTo(20 * 101 - 1);
    }

    @Test
    void startingTwiceIsRefused() {
        Disruptor<Event> disruptor = disruptor(8);
        disruptor.start();
        assertThatThrownBy(disruptor::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'misuse'").hasMessageContaining("RUNNING")
                .hasMessageContaining("accepted on a new or stopped disruptor");
    }

    @Test
    void startingAfterShutdownOrHaltIsRefused() {
        Disruptor<Event> shutDown = disruptor(8);
        shutDown.start();
        assertThat(shutDown.shutdown(Duration.ofSeconds(5))).isTrue();
        assertThatThrownBy(shutDown::start)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TERMINATED");

        Disruptor<Event> halted = disruptor(8);
        halted.halt();
        assertThatThrownBy(halted::start)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TERMINATED");
    }

    @Test
    void everyPublishVariantIsRefusedAfterShutdownAndAfterHalt() {
        Disruptor<Event> shutDown = disruptor(8);
        shutDown.start();
        shutDown.shutdown(Duration.ofSeconds(5));
        Disruptor<Event> halted = disruptor(8);
        halted.start();
        halted.halt();
        for (Disruptor<Event> closed : List.of(shutDown, halted)) {
            List<Runnable> attempts = List.of(
                    () -> closed.publish((event, sequence) -> { }),
                    () -> closed.tryPublish((event, sequence) -> { }),
                    () -> closed.tryPublish((event, sequence) -> { }, Duration.ofSeconds(1)),
                    () -> closed.publish((event, sequence, a) -> { }, "a"),
                    () -> closed.tryPublish((event, sequence, a) -> { }, "a"),
                    () -> closed.publish((event, sequence, a, b) -> { }, "a", "b"),
                    () -> closed.tryPublish((event, sequence, a, b) -> { }, "a", "b"),
                    () -> closed.publishBatch(2, (event, sequence) -> { }),
                    () -> closed.publishBatch((event, sequence, a) -> { }, new String[] {"a"}, 0, 1));
            for (Runnable attempt : attempts) {
                assertThatThrownBy(attempt::run)
                        .isInstanceOf(DisruptorClosedException.class)
                        .hasMessageContaining("'misuse'").hasMessageContaining("shut down")
                        .hasMessageContaining("accepts no more events");
            }
        }
    }

    @Test
    void eventsPublishedBeforeStartAreHandledOnceStarted() {
        AtomicInteger handled = new AtomicInteger();
        Disruptor<Event> disruptor = DisruptorBuilder.withRingBuffer(4, Event::new)
                .withThreadFactory(this::track)
                .withBarrier(scope -> scope.handleEvents("h", (event, sequence, end) -> handled.incrementAndGet()))
                .build();
        built.add(disruptor);
        for (int i = 0; i < 4; i++) {
            disruptor.publish((event, sequence) -> { });
        }
        assertThat(disruptor.tryPublish((event, sequence) -> { })).as("the ring is full until started").isFalse();
        disruptor.start();
        assertThat(disruptor.shutdown(Duration.ofSeconds(5))).isTrue();
        assertThat(handled).hasValue(4);
    }

    @Test
    void shuttingDownANeverStartedDisruptorReportsUnhandledEvents() {
        Disruptor<Event> disruptor = disruptor(8);
        assertThat(disruptor.shutdown(Duration.ofSeconds(1))).as("nothing published, nothing lost").isTrue();

        Disruptor<Event> withEvents = disruptor(8);
        withEvents.publish((event, sequence) -> { });
        assertThat(withEvents.shutdown(Duration.ofSeconds(1))).as("an event was never handled").isFalse();
    }

    @Test
    void aNegativeOrMissingShutdownTimeoutIsRefused() {
        Disruptor<Event> disruptor = disruptor(8);
        disruptor.start();
        assertThatThrownBy(() -> disruptor.shutdown(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shutdown timeout").hasMessageContaining("PT-0.001S")
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> disruptor.shutdown(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("timeout");
        assertThat(disruptor.monitor().state()).as("a refused shutdown changes nothing").isEqualTo(DisruptorState.RUNNING);
        assertThat(disruptor.shutdown(Duration.ofSeconds(Long.MAX_VALUE))).as("an enormous timeout is fine").isTrue();
    }

    @Test
    void aThreadFactoryReturningNullFailsStartClearlyAndLeavesNothingRunning() {
        AtomicInteger calls = new AtomicInteger();
        Disruptor<Event> disruptor = DisruptorBuilder.withRingBuffer(8, Event::new)
                .withName("misuse")
                .withThreadFactory(runnable -> calls.incrementAndGet() == 2 ? null : track(runnable))
                .withBarrier(scope -> scope.handleEvents("a", NOTHING).handleEvents("b", NOTHING))
                .build();
        built.add(disruptor);
        assertThatThrownBy(disruptor::start)
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("thread factory").hasMessageContaining("'misuse'")
                .hasMessageContaining("returned null");
        assertThat(disruptor.shutdown(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void aHandlerThatPublishesIntoItsOwnFullRingDoesNotDeadlockShutdown() {
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger handled = new AtomicInteger();
        AtomicReference<Disruptor<Event>> self = new AtomicReference<>();
        self.set(DisruptorBuilder.withRingBuffer(4, Event::new)
                .withName("misuse")
                .withThreadFactory(this::track)
                .withBarrier(scope -> scope.handleEvents("echo", (event, sequence, end) -> {
                    handled.incrementAndGet();
                    try {
                        self.get().publish((echo, s) -> echo.value = sequence);
                    } catch (DisruptorClosedException closed) {
                        refused.incrementAndGet();
                    }
                }))
                .build());
        built.add(self.get());
        self.get().start();
        self.get().publishBatch(4, (event, sequence) -> event.value = sequence);
        await("the handler to fill its own ring").atMost(Duration.ofSeconds(10)).pollInterval(ONE_MILLISECOND)
                .untilAsserted(() -> assertThat(self.get().ringBuffer().remainingCapacity()).isZero());

        long start = System.nanoTime();
        boolean drained = self.get().shutdown(Duration.ofSeconds(10));

        assertThat(drained).as("everything claimed before the close was handled").isTrue();
        assertThat(System.nanoTime() - start).as("shutdown released the handler at once").isLessThan(5_000_000_000L);
        assertThat(refused.get()).as("the handler's own publish was refused, not left hanging").isPositive();
        assertThat(handled.get()).isEqualTo(self.get().ringBuffer().cursor() + 1);
    }

    // ------------------------------------------------------------------ publishing

    @Test
    void aNullTranslatorIsNamedByEveryPublishVariant() {
        Disruptor<Event> disruptor = disruptor(8);
        List<Runnable> attempts = List.of(
                () -> disruptor.publish((EventTranslator<Event>) null),
                () -> disruptor.tryPublish((EventTranslator<Event>) null),
                () -> disruptor.tryPublish((EventTranslator<Event>) null, Duration.ofSeconds(1)),
                () -> disruptor.publish((EventTranslatorOneArg<Event, String>) null, "a"),
                () -> disruptor.tryPublish((EventTranslatorOneArg<Event, String>) null, "a"),
                () -> disruptor.publish((EventTranslatorTwoArg<Event, String, String>) null, "a", "b"),
                () -> disruptor.tryPublish((EventTranslatorTwoArg<Event, String, String>) null, "a", "b"),
                () -> disruptor.publishBatch(1, (EventTranslator<Event>) null),
                () -> disruptor.publishBatch((EventTranslatorOneArg<Event, String>) null, new String[] {"a"}, 0, 1));
        for (Runnable attempt : attempts) {
            assertThatThrownBy(attempt::run).isInstanceOf(NullPointerException.class).hasMessageContaining("translator");
        }
        assertThat(disruptor.ringBuffer().cursor()).as("nothing was claimed").isEqualTo(-1);
    }

    @Test
    void aNullTimeoutOrArgumentArrayIsNamed() {
        Disruptor<Event> disruptor = disruptor(8);
        assertThatThrownBy(() -> disruptor.tryPublish((event, sequence) -> { }, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("timeout");
        assertThatThrownBy(() -> disruptor.publishBatch((event, sequence, a) -> { }, (String[]) null, 0, 1))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("args");
        assertThat(disruptor.ringBuffer().cursor()).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 9, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void aBatchClaimOutsideOneToTheRingSizeIsRefused(int count) {
        Disruptor<Event> disruptor = disruptor(8);
        assertThatThrownBy(() -> disruptor.publishBatch(count, (event, sequence) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("claim " + count + " slots").hasMessageContaining("'misuse'")
                .hasMessageContaining("between 1 and the ring size, 8");
        String[] args = new String[Math.max(0, Math.min(count, 16))];
        if (count > 8 && count <= 16) {
            assertThatThrownBy(() -> disruptor.publishBatch((event, sequence, a) -> { }, args, 0, count))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("claim " + count + " slots");
        }
        assertThat(disruptor.ringBuffer().cursor()).as("nothing was claimed").isEqualTo(-1);
    }

    @Test
    void theWholeRingCanBeClaimedInOneBatch() {
        Disruptor<Event> disruptor = disruptor(8);
        disruptor.start();
        disruptor.publishBatch(8, (event, sequence) -> event.value = sequence);
        assertThat(disruptor.shutdown(Duration.ofSeconds(5))).isTrue();
        assertThat(disruptor.ringBuffer().cursor()).isEqualTo(7);
    }

    @Test
    void batchArrayBoundsAreCheckedBeforeAnythingIsClaimed() {
        Disruptor<Event> disruptor = disruptor(8);
        String[] args = {"a", "b", "c"};
        EventTranslatorOneArg<Event, String> translator = (event, sequence, a) -> { };
        assertThatThrownBy(() -> disruptor.publishBatch(translator, args, -1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index -1")
                .hasMessageContaining("array of 3");
        assertThatThrownBy(() -> disruptor.publishBatch(translator, args, 2, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("publishBatch cannot take 2 arguments from index 2 of an array of 3; from must be "
                        + "between 0 and args.length - count (1)");
        assertThatThrownBy(() -> disruptor.publishBatch(translator, args, 4, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 4");
        assertThatThrownBy(() -> disruptor.publishBatch(translator, args, 0, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("claim -1 slots");
        assertThatThrownBy(() -> disruptor.publishBatch(translator, args, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("claim 0 slots");
        assertThat(disruptor.ringBuffer().cursor()).as("nothing was claimed").isEqualTo(-1);
    }
}
