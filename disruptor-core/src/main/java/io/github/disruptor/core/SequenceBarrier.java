package io.github.disruptor.core;

/**
 * What a processor waits on: the sequences it depends on (the cursor for the first stage, the
 * handlers of the upstream stage otherwise), plus an alert flag that stops the wait when the
 * processor is halted. Wait strategies call {@link #checkAlert()} in every loop so no wait outlives
 * a halt.
 */
public interface SequenceBarrier {

    /**
     * Waits until {@code sequence} is available to this processor.
     *
     * @param sequence the next sequence the processor needs
     * @return the highest sequence available, at least {@code sequence} unless the wait strategy
     *         gave up early (the processor then simply asks again)
     * @throws AlertException if the barrier was alerted
     * @throws InterruptedException if the thread was interrupted while blocked
     * @throws WaitTimeoutException if the wait strategy has a timeout and it ran out
     */
    long waitFor(long sequence) throws AlertException, InterruptedException, WaitTimeoutException;

    /** Throws {@link AlertException#INSTANCE} if the barrier has been alerted. */
    void checkAlert() throws AlertException;
}
