package io.github.disruptor.spring.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.SmartLifecycle;

/**
 * Configuration of the rings, under {@code disruptor}:
 *
 * <pre>{@code
 * disruptor:
 *   defaults:
 *     wait-strategy: sleeping     # every ring, unless it says otherwise
 *   rings:
 *     orders:
 *       ring-size: 4096
 *       sequencer: multi
 *       wait-strategy: yielding
 * }</pre>
 *
 * A ring exists when it is named under {@code rings} or by a {@code @DisruptorHandler}. Each setting
 * comes from the ring's own keys, else from {@code disruptor.defaults}, else it is the built-in value:
 * the core's default ({@code DisruptorBuilder}, {@code SleepingWaitStrategy}), and for the ring size
 * {@link #DEFAULT_RING_SIZE}. The shutdown timeout comes from the ring's own key, else from
 * {@code disruptor.shutdown-timeout}.
 *
 * <p>The auto-configuration binds {@code disruptor.*} once, before any bean is created (the rings are
 * planned from it), and registers the result as the bean {@code disruptorProperties}; other keys under
 * a ring, such as the Kafka bridge's {@code kafka.*}, are left to the features that own them.
 */
@ConfigurationProperties("disruptor")
public class DisruptorProperties {

    /** The default lifecycle phase: rings start before the web server takes traffic and stop after it stopped. */
    public static final int DEFAULT_PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    /** The ring size of a ring that neither its own keys nor {@code disruptor.defaults} size. */
    public static final int DEFAULT_RING_SIZE = 1024;

    /**
     * The pause before a retry when no key and no {@code @DisruptorHandler(retryBackOff)} sets one: none,
     * the event is handed over again at once.
     */
    public static final Duration DEFAULT_RETRY_BACK_OFF = Duration.ZERO;

    /**
     * Rings by name; the name is also the ring's bean name. Each ring takes the keys of disruptor.defaults
     * (ring-size, sequencer, wait-strategy, sleeping.retries, sleeping.sleep-duration, exception-policy,
     * retry.*), which override the defaults for that ring, and its own shutdown-timeout.
     */
    private final Map<String, Ring> rings = new LinkedHashMap<>();

    /** Settings of every ring that does not set its own. */
    private final RingDefaults defaults = new RingDefaults();

    /**
     * The most time each ring may take on close to drain its accepted events through every stage and
     * stop its threads; a ring's own shutdown-timeout overrides it.
     */
    private Duration shutdownTimeout = Duration.ofSeconds(30);

    /**
     * The SmartLifecycle phase in which rings start and stop. The default starts them before the web
     * server (phase SmartLifecycle.DEFAULT_PHASE - 2048) takes traffic and stops them after it has stopped.
     */
    private int phase = DEFAULT_PHASE;

    public Map<String, Ring> getRings() {
        return rings;
    }

    public RingDefaults getDefaults() {
        return defaults;
    }

    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    public int getPhase() {
        return phase;
    }

    public void setPhase(int phase) {
        this.phase = phase;
    }

    /**
     * The settings a ring can take from {@code disruptor.defaults}. A key left unset ({@code null})
     * falls back to the defaults, then to the built-in value; the built-in values are listed, once, in
     * the configuration metadata, which a test holds equal to what the code does.
     */
    public static class RingDefaults {

        /** Number of slots; a power of two. */
        private @Nullable Integer ringSize;

        /** Which sequencer claims slots: 'single' if only one thread at a time publishes. */
        private @Nullable SequencerType sequencer;

        /** How handlers wait for events: the latency versus CPU trade-off. */
        private @Nullable WaitStrategyType waitStrategy;

        /** Tuning of the 'sleeping' wait strategy. */
        private final Sleeping sleeping = new Sleeping();

        /**
         * What a handler does after it threw (after its retries, if it retries), unless its
         * @DisruptorHandler names an exceptionHandler bean.
         */
        private @Nullable ExceptionPolicy exceptionPolicy;

        /** How the ring's handlers retry a failed event; a handler's own @DisruptorHandler(retry...) wins. */
        private final Retry retry = new Retry();

        public @Nullable Integer getRingSize() {
            return ringSize;
        }

        public void setRingSize(@Nullable Integer ringSize) {
            this.ringSize = ringSize;
        }

        public @Nullable SequencerType getSequencer() {
            return sequencer;
        }

        public void setSequencer(@Nullable SequencerType sequencer) {
            this.sequencer = sequencer;
        }

        public @Nullable WaitStrategyType getWaitStrategy() {
            return waitStrategy;
        }

        public void setWaitStrategy(@Nullable WaitStrategyType waitStrategy) {
            this.waitStrategy = waitStrategy;
        }

        public Sleeping getSleeping() {
            return sleeping;
        }

        public @Nullable ExceptionPolicy getExceptionPolicy() {
            return exceptionPolicy;
        }

        public void setExceptionPolicy(@Nullable ExceptionPolicy exceptionPolicy) {
            this.exceptionPolicy = exceptionPolicy;
        }

        public Retry getRetry() {
            return retry;
        }
    }

    /** The settings of one ring. */
    public static class Ring extends RingDefaults {

        /** Overrides disruptor.shutdown-timeout for this ring. */
        private @Nullable Duration shutdownTimeout;

        public @Nullable Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        public void setShutdownTimeout(@Nullable Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }
    }

    /** Tuning of the sleeping wait strategy. */
    public static class Sleeping {

        /** Checks made before parking, half of them spinning and half yielding. */
        private @Nullable Integer retries;

        /** How long an idle handler parks between checks: the latency added after a quiet spell. */
        private @Nullable Duration sleepDuration;

        public @Nullable Integer getRetries() {
            return retries;
        }

        public void setRetries(@Nullable Integer retries) {
            this.retries = retries;
        }

        public @Nullable Duration getSleepDuration() {
            return sleepDuration;
        }

        public void setSleepDuration(@Nullable Duration sleepDuration) {
            this.sleepDuration = sleepDuration;
        }
    }

    /**
     * How a handler retries a failed event: it gets the same event again, after a pause, while every
     * handler behind it waits; when the attempts run out, the exception policy decides.
     */
    public static class Retry {

        /**
         * How many times a handler gets a failing event in all, the first time included; 1 means no retry.
         */
        private @Nullable Integer attempts;

        /** The pause before the first retry. */
        private @Nullable Duration backOff;

        /** What the pause is multiplied by after each failed retry; 1 or more. */
        private @Nullable Double multiplier;

        /** The longest pause a growing back-off reaches; at least back-off. Unset: no cap. */
        private @Nullable Duration maxBackOff;

        public @Nullable Integer getAttempts() {
            return attempts;
        }

        public void setAttempts(@Nullable Integer attempts) {
            this.attempts = attempts;
        }

        public @Nullable Duration getBackOff() {
            return backOff;
        }

        public void setBackOff(@Nullable Duration backOff) {
            this.backOff = backOff;
        }

        public @Nullable Double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(@Nullable Double multiplier) {
            this.multiplier = multiplier;
        }

        public @Nullable Duration getMaxBackOff() {
            return maxBackOff;
        }

        public void setMaxBackOff(@Nullable Duration maxBackOff) {
            this.maxBackOff = maxBackOff;
        }
    }

    /** The sequencer of a ring. */
    public enum SequencerType {
        /** Only one thread at a time publishes: the fastest claims. */
        SINGLE,
        /** Any number of threads publish concurrently. */
        MULTI
    }

    /** How handlers wait for the next event. */
    public enum WaitStrategyType {
        /** Spin: the lowest latency, one busy core per handler thread. */
        BUSY_SPIN,
        /** Spin, then yield: low latency, busy cores while idle. */
        YIELDING,
        /** Spin, yield, then park briefly: little CPU when idle, up to one sleep of added latency. */
        SLEEPING,
        /** Park until signalled: the least CPU, a wake-up's latency. */
        BLOCKING
    }

    /** What a handler does after it threw. */
    public enum ExceptionPolicy {
        /** Log the exception and go on with the next event. */
        LOG_AND_CONTINUE,
        /** Log the exception and halt the handler; the stages behind it stop at that event. */
        HALT_HANDLER,
        /** Log the exception and discard the event: no handler behind this one sees it; the others go on. */
        DISCARD_EVENT
    }
}
