package io.github.disruptor.benchmarks;

/**
 * How a waiting thread spends its time, named like the wait strategies: the same choice is given to
 * both disruptors and to the threads that poll the queues, so every contender waits the same way.
 */
enum Idle {

    BUSY_SPIN("busy-spin") {
        @Override
        void idle() {
            Thread.onSpinWait();
        }

        @Override
        io.github.disruptor.core.WaitStrategy core() {
            return new io.github.disruptor.core.BusySpinWaitStrategy();
        }

        @Override
        com.lmax.disruptor.WaitStrategy lmax() {
            return new com.lmax.disruptor.BusySpinWaitStrategy();
        }
    },

    YIELDING("yielding") {
        @Override
        void idle() {
            Thread.yield();
        }

        @Override
        io.github.disruptor.core.WaitStrategy core() {
            return new io.github.disruptor.core.YieldingWaitStrategy();
        }

        @Override
        com.lmax.disruptor.WaitStrategy lmax() {
            return new com.lmax.disruptor.YieldingWaitStrategy();
        }
    };

    private final String label;

    Idle(String label) {
        this.label = label;
    }

    /** The name the wait strategies and the command lines use. */
    String label() {
        return label;
    }

    /** One round of waiting in a poll loop. */
    abstract void idle();

    abstract io.github.disruptor.core.WaitStrategy core();

    abstract com.lmax.disruptor.WaitStrategy lmax();

    static Idle of(String label) {
        for (Idle idle : values()) {
            if (idle.label.equals(label)) {
                return idle;
            }
        }
        throw new IllegalArgumentException("unknown wait strategy '" + label + "'; expected busy-spin or yielding");
    }
}
