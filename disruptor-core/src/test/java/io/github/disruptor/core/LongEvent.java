package io.github.disruptor.core;

/** The event the core tests publish: a value plus marks that upstream stages leave for downstream ones. */
final class LongEvent {
    long value;
    long producer;
    long firstStageMark = -1;
    long secondStageMark = -1;

    static final EventTranslatorTwoArg<LongEvent, Long, Long> FROM_PRODUCER = (event, sequence, producer, value) -> {
        event.producer = producer;
        event.value = value;
    };

    static final EventTranslatorOneArg<LongEvent, Long> VALUE = (event, sequence, value) -> event.value = value;

    /** Publishes events carrying the values 0 to {@code count - 1}, which equal their sequences on a fresh ring. */
    static void publishValues(EventPublisher<LongEvent> publisher, long count) {
        for (long i = 0; i < count; i++) {
            publisher.publish(VALUE, i);
        }
    }
}
