package io.github.disruptor.core;

/**
 * The barrier of one processor: waits on its dependency (the cursor, or the slowest handler of the
 * stage before) through the wait strategy. For a first-stage processor of a multi-producer ring the
 * cursor counts claims, not publications, so the barrier then narrows the answer to the slots whose
 * availability flags are set; behind an upstream stage that check is unnecessary, because upstream
 * handlers only pass published events.
 */
final class ProcessingSequenceBarrier implements SequenceBarrier {

    private final WaitStrategy waitStrategy;
    private final Sequence dependency;
    private final Sequencer sequencer;
    private final boolean checkAvailability;
    private volatile boolean alerted;

    ProcessingSequenceBarrier(Sequencer sequencer, Sequence dependency, boolean firstStage) {
        this.waitStrategy = sequencer.waitStrategy;
        this.sequencer = sequencer;
        this.dependency = dependency;
        this.checkAvailability = firstStage && sequencer.cursorMayRunAhead();
    }

    @Override
    public long waitFor(long sequence) throws AlertException, InterruptedException, WaitTimeoutException {
        checkAlert();
        long available = waitStrategy.waitFor(sequence, dependency, this);
        if (available < sequence || !checkAvailability) {
            return available;
        }
        return sequencer.highestPublished(sequence, available);
    }

    @Override
    public void checkAlert() throws AlertException {
        if (alerted) {
            throw AlertException.INSTANCE;
        }
    }

    /** Raises the alert and wakes the processor if its wait strategy parked it. */
    void alert() {
        alerted = true;
        waitStrategy.signalAllWhenBlocking();
    }

    /** Lowers the alert before a restart. */
    void clearAlert() {
        alerted = false;
    }
}
