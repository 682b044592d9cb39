package io.github.disruptor.core;

/** Which sequencer claims slots for producers. */
public enum ProducerType {
    /** One publishing thread at a time: claims are plain field updates, the fastest choice. */
    SINGLE,
    /** Any number of publishing threads: claims by compare-and-set, availability tracked per slot. */
    MULTI
}
