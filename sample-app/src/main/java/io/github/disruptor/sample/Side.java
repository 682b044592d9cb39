package io.github.disruptor.sample;

/** Which side of the book an order joins: buyers bid, sellers ask. */
public enum Side {

    BUY, SELL;

    /** The side an order of this side trades against. */
    Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
