package io.github.disruptor.benchmarks;

/** The event every contender carries: a mutable {@code long}, pre-allocated in the rings. */
public final class LongEvent {

    long value;

    /** Creates an event holding 0. */
    public LongEvent() {
    }

    LongEvent(long value) {
        this.value = value;
    }
}
