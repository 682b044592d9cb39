package io.github.disruptor.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A cache-line padded {@code long} counter: the cursor of a ring or the progress of one handler.
 *
 * <p>Each sequence has exactly one writer (the producer side for a cursor, a processor thread for a
 * handler) and many readers. The value sits between 120 bytes of padding on each side, so no other
 * hot field shares its cache line (or the adjacent line the hardware prefetcher pulls in) and a
 * write never invalidates a neighbour's line: no false sharing.
 *
 * <p>Memory ordering: {@link #get()} is an acquire read and {@link #set(long)} a release write. A
 * writer fills an event with plain stores and then releases its sequence; a reader that acquires
 * the sequence sees every store made before it. That pairing is all the Disruptor needs on the
 * fast path; {@link #compareAndSet} is for the multi-producer claim.
 */
public class Sequence extends RhsPadding {

    /** The value of a sequence before anything has been published or handled. */
    public static final long INITIAL_VALUE = -1L;

    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(Value.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Creates a sequence at {@link #INITIAL_VALUE}. */
    public Sequence() {
        this(INITIAL_VALUE);
    }

    /** Creates a sequence at {@code initialValue}. */
    public Sequence(long initialValue) {
        VALUE.setRelease(this, initialValue);
    }

    /** Reads the value with acquire semantics. */
    public long get() {
        return (long) VALUE.getAcquire(this);
    }

    /** Reads the value with no ordering at all, for its single writer (or a check that tolerates staleness). */
    long getPlain() {
        return (long) VALUE.get(this);
    }

    /** Writes the value with release semantics: earlier stores become visible first. */
    public void set(long value) {
        VALUE.setRelease(this, value);
    }

    /** Atomically sets the value if it is still {@code expected}. */
    public boolean compareAndSet(long expected, long newValue) {
        return VALUE.compareAndSet(this, expected, newValue);
    }

    @Override
    public String toString() {
        return Long.toString(get());
    }
}

/** Padding before the value; fields are never read. */
@SuppressWarnings("unused")
abstract class LhsPadding {
    protected byte p10, p11, p12, p13, p14, p15, p16, p17;
    protected long p1, p2, p3, p4, p5, p6, p7, p8, p9, p20, p21, p22, p23, p24, p25;
}

/** The value itself, between the paddings. */
abstract class Value extends LhsPadding {
    protected long value;
}

/** Padding after the value; fields are never read. */
@SuppressWarnings("unused")
abstract class RhsPadding extends Value {
    protected long p31, p32, p33, p34, p35, p36, p37, p38, p39, p40, p41, p42, p43, p44, p45;
}
