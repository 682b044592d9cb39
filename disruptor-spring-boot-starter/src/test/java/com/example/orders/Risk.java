package com.example.orders;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import io.github.disruptor.spring.DisruptorHandler;

/** Stage 1: checks each order once the journal has it. */
@Component
public class Risk {

    private final Journal journal;
    private final AtomicLong checked = new AtomicLong();
    private final AtomicLong checkedBeforeJournal = new AtomicLong();

    public Risk(Journal journal) {
        this.journal = journal;
    }

    @DisruptorHandler(ring = "orders", stage = 1)
    void check(OrderEvent order) {
        if (!journal.hasJournaled(order.id())) {
            checkedBeforeJournal.incrementAndGet();
        }
        checked.incrementAndGet();
    }

    public long checked() {
        return checked.get();
    }

    public long checkedBeforeJournal() {
        return checkedBeforeJournal.get();
    }
}
