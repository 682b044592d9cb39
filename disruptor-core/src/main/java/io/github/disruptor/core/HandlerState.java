package io.github.disruptor.core;

/** Where a handler's processor is in its life. */
public enum HandlerState {
    /** Built, thread not started yet. */
    IDLE,
    /** Its thread is handling or waiting for events. */
    RUNNING,
    /** Stopped by its exception policy (or a failing exception handler) while the disruptor ran. */
    HALTED,
    /** Stopped because the disruptor stopped, shut down or was halted. */
    STOPPED,
    /** An event poller: it has no thread, the application polls it. */
    POLLED
}
