package io.github.disruptor.spring.autoconfigure;

import io.github.disruptor.core.BlockingWaitStrategy;
import io.github.disruptor.core.BusySpinWaitStrategy;
import io.github.disruptor.core.DisruptorBuilder;
import io.github.disruptor.core.ExceptionHandler;
import io.github.disruptor.core.ProducerType;
import io.github.disruptor.core.SleepingWaitStrategy;
import io.github.disruptor.core.WaitStrategy;
import io.github.disruptor.core.YieldingWaitStrategy;
import io.github.disruptor.spring.autoconfigure.DisruptorProperties.Ring;

/**
 * The validated settings of one ring, ready for the builder. Validation happens when the settings are
 * made, while the application starts, so a bad value fails startup with the property's name.
 */
record RingSettings(String ringName, Ring source) {

    static RingSettings of(String ringName, Ring ring) {
        String prefix = "disruptor.rings." + ringName + ".";
        try {
            DisruptorBuilder.checkRingSize(ring.getRingSize());
        } catch (IllegalArgumentException invalid) {
            throw new DisruptorConfigurationException(
                    "Invalid value " + ring.getRingSize() + " for " + prefix + "ring-size: " + invalid.getMessage() + ".",
                    "Set " + prefix + "ring-size to a power of two from 1 to 1073741824 (2^30).", invalid);
        }
        if (ring.getWaitStrategy() == DisruptorProperties.WaitStrategyType.SLEEPING) {
            checkSleeping(prefix, ring.getSleeping());
        }
        return new RingSettings(ringName, ring);
    }

    private static void checkSleeping(String prefix, DisruptorProperties.Sleeping sleeping) {
        if (sleeping.getRetries() < 0) {
            throw new DisruptorConfigurationException(
                    "Invalid value " + sleeping.getRetries() + " for " + prefix + "sleeping.retries: it must not be negative.",
                    "Set " + prefix + "sleeping.retries to 0 or more (default " + SleepingWaitStrategy.DEFAULT_RETRIES + ").");
        }
        if (sleeping.getSleepDuration().toNanos() < 1) {
            throw new DisruptorConfigurationException(
                    "Invalid value " + sleeping.getSleepDuration() + " for " + prefix
                            + "sleeping.sleep-duration: it must be at least 1ns.",
                    "Set " + prefix + "sleeping.sleep-duration to a positive duration such as 100us.");
        }
    }

    int ringSize() {
        return source.getRingSize();
    }

    ProducerType producerType() {
        return source.getSequencer() == DisruptorProperties.SequencerType.SINGLE ? ProducerType.SINGLE : ProducerType.MULTI;
    }

    /** A new wait strategy: each ring needs its own instance. */
    WaitStrategy newWaitStrategy() {
        return switch (source.getWaitStrategy()) {
            case BUSY_SPIN -> new BusySpinWaitStrategy();
            case YIELDING -> new YieldingWaitStrategy();
            case SLEEPING -> new SleepingWaitStrategy(source.getSleeping().getRetries(),
                    source.getSleeping().getSleepDuration().toNanos());
            case BLOCKING -> new BlockingWaitStrategy();
        };
    }

    ExceptionHandler exceptionHandler() {
        return switch (source.getExceptionPolicy()) {
            case LOG_AND_CONTINUE -> ExceptionHandler.logAndContinue();
            case HALT_HANDLER -> ExceptionHandler.logAndHalt();
        };
    }
}
