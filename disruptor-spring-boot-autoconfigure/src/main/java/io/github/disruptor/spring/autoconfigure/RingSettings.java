package io.github.disruptor.spring.autoconfigure;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import io.github.disruptor.core.BlockingWaitStrategy;
import io.github.disruptor.core.BusySpinWaitStrategy;
import io.github.disruptor.core.DisruptorBuilder;
import io.github.disruptor.core.ExceptionHandler;
import io.github.disruptor.core.ProducerType;
import io.github.disruptor.core.SleepingWaitStrategy;
import io.github.disruptor.core.YieldingWaitStrategy;
import io.github.disruptor.spring.autoconfigure.DisruptorProperties.ExceptionPolicy;
import io.github.disruptor.spring.autoconfigure.DisruptorProperties.Ring;
import io.github.disruptor.spring.autoconfigure.DisruptorProperties.RingDefaults;
import io.github.disruptor.spring.autoconfigure.DisruptorProperties.SequencerType;
import io.github.disruptor.spring.autoconfigure.DisruptorProperties.WaitStrategyType;

/**
 * The effective, validated settings of one ring: each from the ring's own keys, else from
 * {@code disruptor.defaults}, else built in; the shutdown timeout from the ring's own key, else from
 * {@code disruptor.shutdown-timeout}. Validation happens when the settings are made, while the
 * application starts, so a bad value fails startup naming the key it came from.
 *
 * <p>A setting that no key sets is {@code null} here and left to the core, so that each built-in
 * value is written once: the sequencer, the wait strategy and the exception policy are
 * {@link DisruptorBuilder}'s defaults, the sleeping strategy's tuning is {@link SleepingWaitStrategy}'s,
 * no retry and a retry's multiplier and cap are the core's ({@code HandlerOptions}, {@code RetryPolicy}).
 * Only the ring size and a retry's back-off, which the core always asks for, have their defaults on
 * this side ({@link DisruptorProperties#DEFAULT_RING_SIZE}, {@link DisruptorProperties#DEFAULT_RETRY_BACK_OFF}).
 */
record RingSettings(String ringName, int ringSize, @Nullable SequencerType sequencer,
        @Nullable WaitStrategyType waitStrategy, int sleepingRetries, Duration sleepDuration,
        @Nullable ExceptionPolicy exceptionPolicy, RetrySettings retry, Duration shutdownTimeout) {

    /** The settings of the ring named {@code ringName}. */
    static RingSettings of(String ringName, DisruptorProperties properties) {
        Ring ring = properties.getRings().get(ringName);
        Source source = new Source(ringName, ring, properties.getDefaults());
        int ringSize = source.pick(RingDefaults::getRingSize, DisruptorProperties.DEFAULT_RING_SIZE);
        try {
            DisruptorBuilder.checkRingSize(ringSize);
        } catch (IllegalArgumentException invalid) {
            String key = source.keyOf(RingDefaults::getRingSize, "ring-size");
            throw new DisruptorConfigurationException("Invalid value " + ringSize + " for " + key + ": "
                    + invalid.getMessage() + ".", "Set " + key + " to a power of two from 1 to 1073741824 (2^30).", invalid);
        }
        int retries = source.pick(r -> r.getSleeping().getRetries(), SleepingWaitStrategy.DEFAULT_RETRIES);
        if (retries < 0) {
            String key = source.keyOf(r -> r.getSleeping().getRetries(), "sleeping.retries");
            throw new DisruptorConfigurationException("Invalid value " + retries + " for " + key + ": it must not be negative.",
                    "Set " + key + " to 0 or more (default " + SleepingWaitStrategy.DEFAULT_RETRIES + ").");
        }
        Duration sleepDuration = source.pick(r -> r.getSleeping().getSleepDuration(),
                Duration.ofNanos(SleepingWaitStrategy.DEFAULT_SLEEP_NANOS));
        if (sleepDuration.toNanos() < 1) {
            String key = source.keyOf(r -> r.getSleeping().getSleepDuration(), "sleeping.sleep-duration");
            throw new DisruptorConfigurationException("Invalid value " + sleepDuration + " for " + key
                    + ": it must be at least 1ns.", "Set " + key + " to a positive duration such as 100us.");
        }
        Duration shutdownTimeout = shutdownTimeout(ringName, properties);
        if (shutdownTimeout.isNegative()) {
            String key = ring != null && ring.getShutdownTimeout() != null
                    ? "disruptor.rings." + ringName + ".shutdown-timeout" : "disruptor.shutdown-timeout";
            throw new DisruptorConfigurationException("Invalid value " + shutdownTimeout + " for " + key
                    + ": it must not be negative.", "Set " + key + " to 0 or more, such as 30s.");
        }
        return new RingSettings(ringName, ringSize, source.pick(RingDefaults::getSequencer, null),
                source.pick(RingDefaults::getWaitStrategy, null), retries, sleepDuration,
                source.pick(RingDefaults::getExceptionPolicy, null), retry(source), shutdownTimeout);
    }

    /** The ring's {@code retry.*} keys, each from the ring, else from {@code disruptor.defaults}, checked. */
    private static RetrySettings retry(Source source) {
        Integer attempts = checked(source, r -> r.getRetry().getAttempts(), "retry.attempts",
                RetrySettings::validAttempts, "a handler gets an event at least once", "to 1 or more: how many times a "
                        + "handler gets a failing event in all, the first time included (1: no retry, 3: two retries).");
        Duration backOff = checked(source, r -> r.getRetry().getBackOff(), "retry.back-off",
                duration -> !duration.isNegative(), "it must not be negative", "to 0 or more, such as 10ms.");
        Double multiplier = checked(source, r -> r.getRetry().getMultiplier(), "retry.multiplier",
                RetrySettings::validMultiplier, "a back-off can grow or stay, not shrink",
                "to a number of 1 or more, such as 2 (each pause twice the one before); 1 keeps it fixed.");
        Duration maxBackOff = checked(source, r -> r.getRetry().getMaxBackOff(), "retry.max-back-off",
                duration -> !duration.isNegative(), "it must not be negative", "to at least the back-off, such as 1s.");
        return new RetrySettings(attempts, backOff, multiplier, maxBackOff);
    }

    /** One key, from the ring, else from {@code disruptor.defaults}; a value {@code valid} refuses is reported. */
    private static <T> @Nullable T checked(Source source, Function<RingDefaults, @Nullable T> key, String name,
            Predicate<T> valid, String problem, String accepted) {
        T value = source.pick(key, null);
        if (value != null && !valid.test(value)) {
            String shown = source.keyOf(key, name);
            throw new DisruptorConfigurationException("Invalid value " + value + " for " + shown + ": " + problem + ".",
                    "Set " + shown + " " + accepted);
        }
        return value;
    }

    /**
     * The shutdown timeout of the ring named {@code ringName}, without checking the other settings: the
     * lifecycle also drains rings that were registered without configuration.
     */
    static Duration shutdownTimeout(String ringName, DisruptorProperties properties) {
        Ring ring = properties.getRings().get(ringName);
        return ring != null && ring.getShutdownTimeout() != null ? ring.getShutdownTimeout()
                : properties.getShutdownTimeout();
    }

    /** Sets on {@code builder} what the configuration sets; the rest keeps the builder's defaults. */
    void applyTo(DisruptorBuilder<?> builder) {
        if (sequencer != null) {
            builder.withProducerType(sequencer == SequencerType.SINGLE ? ProducerType.SINGLE : ProducerType.MULTI);
        }
        if (waitStrategy != null) {
            builder.withWaitStrategy(switch (waitStrategy) {
                case BUSY_SPIN -> new BusySpinWaitStrategy();
                case YIELDING -> new YieldingWaitStrategy();
                case SLEEPING -> new SleepingWaitStrategy(sleepingRetries, sleepDuration.toNanos());
                case BLOCKING -> new BlockingWaitStrategy();
            });
        }
        if (exceptionPolicy != null) {
            builder.withExceptionHandler(switch (exceptionPolicy) {
                case LOG_AND_CONTINUE -> ExceptionHandler.logAndContinue();
                case HALT_HANDLER -> ExceptionHandler.logAndHalt();
                case DISCARD_EVENT -> ExceptionHandler.logAndDiscard();
            });
        }
    }

    /** Where each setting comes from: the ring's keys, then {@code disruptor.defaults}, then built in. */
    private record Source(String ringName, @Nullable Ring ring, RingDefaults defaults) {

        <T> @Nullable T pick(Function<RingDefaults, @Nullable T> key, @Nullable T builtIn) {
            T own = ring != null ? key.apply(ring) : null;
            if (own != null) {
                return own;
            }
            T shared = key.apply(defaults);
            return shared != null ? shared : builtIn;
        }

        String keyOf(Function<RingDefaults, ?> key, String name) {
            boolean own = ring != null && key.apply(ring) != null;
            return (own ? "disruptor.rings." + ringName + "." : "disruptor.defaults.") + name;
        }
    }
}
