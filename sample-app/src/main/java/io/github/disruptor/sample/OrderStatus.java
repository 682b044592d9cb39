package io.github.disruptor.sample;

/** Where an order stands after the matching engine has seen it and every later trade against it. */
public enum OrderStatus {

    /** Refused by validation (see the rejection reason); it never reached the book. */
    REJECTED,
    /** In the book, nothing filled yet. */
    RESTING,
    /** In the book, part of its quantity filled. */
    PARTIALLY_FILLED,
    /** Completely filled; no longer in the book. */
    FILLED
}
