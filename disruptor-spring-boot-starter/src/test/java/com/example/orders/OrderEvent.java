package com.example.orders;

/** One order, written in place by the publisher; the ring reuses the instance. */
public class OrderEvent {

    private long id;
    private long quantity;

    public long id() {
        return id;
    }

    public long quantity() {
        return quantity;
    }

    public void set(long id, long quantity) {
        this.id = id;
        this.quantity = quantity;
    }
}
