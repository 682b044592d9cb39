package io.github.disruptor.core;

/**
 * Thrown to a producer whose thread was interrupted while it waited for space in a full ring. Nothing
 * was published, and the thread's interrupt status is set again so the caller can see it.
 */
public class PublishInterruptedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PublishInterruptedException(String message) {
        super(message);
    }
}
