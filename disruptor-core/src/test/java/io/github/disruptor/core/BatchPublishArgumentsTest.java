package io.github.disruptor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The argument checks of LMAX Disruptor 4.0's {@code RingBufferTest} (batch of zero, negative batch,
 * negative start, a batch past the end of the array or larger than the ring), ported to our batch
 * publishing: every one is an {@link IllegalArgumentException}, thrown before anything is claimed.
 */
class BatchPublishArgumentsTest {

    private static final EventTranslatorOneArg<LongEvent, String> ONE_ARG = (event, sequence, arg) -> event.value = 1;
    private static final EventTranslator<LongEvent> NO_ARG = (event, sequence) -> event.value = 1;

    private final Disruptor<LongEvent> ring = DisruptorBuilder.withRingBuffer(4, LongEvent::new)
            .withSingleProducerSequencer()
            .withBarrier(scope -> scope.handleEvents("noop", (event, sequence, end) -> { }))
            .build();

    @ParameterizedTest(name = "from {0}, count {1}, {2} arguments")
    @CsvSource({
            "0, 0, 2",   // batch size 0
            "0, -1, 2",  // negative batch size
            "-1, 1, 2",  // negative start
            "1, 2, 2",   // extends past the end of the array
            "0, 5, 5",   // larger than the ring
    })
    void aBadBatchOfArgumentsIsRefusedBeforeAnythingIsClaimed(int from, int count, int length) {
        String[] args = new String[length];
        assertThatThrownBy(() -> ring.publishBatch(ONE_ARG, args, from, count))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ring.ringBuffer().cursor()).as("the ring is still empty").isEqualTo(-1);
    }

    @ParameterizedTest(name = "count {0}")
    @CsvSource({"0", "-1", "5"})
    void aBadBatchSizeIsRefusedBeforeAnythingIsClaimed(int count) {
        assertThatThrownBy(() -> ring.publishBatch(count, NO_ARG)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ring.ringBuffer().cursor()).as("the ring is still empty").isEqualTo(-1);
    }

    @ParameterizedTest(name = "from {0}, count {1}")
    @CsvSource({"0, 1", "1, 1", "0, 2", "0, 4"})
    void aBatchInsideTheArrayAndTheRingIsPublished(int from, int count) {
        ring.publishBatch(ONE_ARG, new String[] {"a", "b", "c", "d"}, from, count);
        assertThat(ring.ringBuffer().cursor()).isEqualTo(count - 1);
    }
}
