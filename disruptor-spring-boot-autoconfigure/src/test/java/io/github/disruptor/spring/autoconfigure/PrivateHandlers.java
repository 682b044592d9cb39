package io.github.disruptor.spring.autoconfigure;

import java.io.IOException;

/** Handler methods the starter must reach although they are private; a top-level class, so it can be reloaded alone. */
final class PrivateHandlers {

    long count;
    long lastSequence;
    long endsOfBatch;

    private void count(Object event) {
        count++;
    }

    private void full(Object event, long sequence, boolean endOfBatch) {
        lastSequence = sequence;
        endsOfBatch += endOfBatch ? 1 : 0;
    }

    private void failing(Object event) throws IOException {
        throw new IOException("expected by the test: " + event);
    }
}
