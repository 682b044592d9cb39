package io.github.disruptor.sample;

import java.time.Instant;

/**
 * Where the order journal stands, for the health endpoint and for the answers to {@code POST /orders}.
 *
 * @param state writing, retrying a failed write, or halted
 * @param reason what the last failed write reported, or {@code null} while writing
 * @param since when the current failure began, or {@code null} while writing
 * @param failedAttempts failed attempts at the write in hand
 */
record JournalStatus(State state, String reason, Instant since, int failedAttempts) {

    static final JournalStatus WRITING = new JournalStatus(State.WRITING, null, null, 0);

    /** The journal's states. */
    enum State {
        /** Every write so far succeeded. */
        WRITING,
        /** A write failed; the journal holds the ring at that batch and tries again after a pause. */
        RETRYING,
        /** The retries ran out (or forcing to the disk failed): the journal and the ring have stopped for good. */
        HALTED
    }

    JournalStatus retrying(String failure, int attempts) {
        return new JournalStatus(State.RETRYING, failure, since == null ? Instant.now() : since, attempts);
    }

    JournalStatus halted(String failure, int attempts) {
        return new JournalStatus(State.HALTED, failure, since == null ? Instant.now() : since, attempts);
    }
}
