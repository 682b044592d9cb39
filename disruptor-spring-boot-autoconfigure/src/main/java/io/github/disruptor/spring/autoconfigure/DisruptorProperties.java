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
 *   shutdown-timeout: 30s
 *   rings:
 *     orders:
 *       ring-size: 4096
 *       sequencer: multi
 *       wait-strategy: yielding
 * }</pre>
 *
 * A ring exists when it is named here or by a {@code @DisruptorHandler}; keys left out take the
 * defaults below.
 */
@ConfigurationProperties("disruptor")
public class DisruptorProperties {

    /** The default lifecycle phase: rings start before the web server takes traffic and stop after it stopped. */
    public static final int DEFAULT_PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    /** Rings by name; the name is also the ring's bean name. */
    private final Map<String, Ring> rings = new LinkedHashMap<>();

    /**
     * The most time each ring may take on close to drain its accepted events through every stage and
     * stop its threads; a ring's own shutdown-timeout overrides it.
     */
    private Duration shutdownTimeout = Duration.ofSeconds(30);

    /**
     * The SmartLifecycle phase in which rings start and stop. The default starts them before the web
     * server (phase DEFAULT_PHASE - 2048) takes traffic and stops them after it has stopped.
     */
    private int phase = DEFAULT_PHASE;

    public Map<String, Ring> getRings() {
        return rings;
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

    /** The shutdown timeout of the ring named {@code ringName}: its own, else the global one. */
    public Duration shutdownTimeoutOf(String ringName) {
        Ring ring = rings.get(ringName);
        return ring != null && ring.getShutdownTimeout() != null ? ring.getShutdownTimeout() : shutdownTimeout;
    }

    /** The settings of one ring. */
    public static class Ring {

        /** Number of slots; a power of two. */
        private int ringSize = 1024;

        /** Which sequencer claims slots: 'single' if only one thread at a time publishes, else 'multi'. */
        private SequencerType sequencer = SequencerType.MULTI;

        /** How handlers wait for events: the latency versus CPU trade-off. */
        private WaitStrategyType waitStrategy = WaitStrategyType.BLOCKING;

        /** Tuning of the 'sleeping' wait strategy. */
        private final Sleeping sleeping = new Sleeping();

        /** What a handler does after it threw: log and go on with the next event, or log and halt. */
        private ExceptionPolicy exceptionPolicy = ExceptionPolicy.LOG_AND_CONTINUE;

        /** Overrides disruptor.shutdown-timeout for this ring. */
        private @Nullable Duration shutdownTimeout;

        public int getRingSize() {
            return ringSize;
        }

        public void setRingSize(int ringSize) {
            this.ringSize = ringSize;
        }

        public SequencerType getSequencer() {
            return sequencer;
        }

        public void setSequencer(SequencerType sequencer) {
            this.sequencer = sequencer;
        }

        public WaitStrategyType getWaitStrategy() {
            return waitStrategy;
        }

        public void setWaitStrategy(WaitStrategyType waitStrategy) {
            this.waitStrategy = waitStrategy;
        }

        public Sleeping getSleeping() {
            return sleeping;
        }

        public ExceptionPolicy getExceptionPolicy() {
            return exceptionPolicy;
        }

        public void setExceptionPolicy(ExceptionPolicy exceptionPolicy) {
            this.exceptionPolicy = exceptionPolicy;
        }

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
        private int retries = 200;

        /** How long an idle handler parks between checks: the latency added after a quiet spell. */
        private Duration sleepDuration = Duration.ofNanos(100_000);

        public int getRetries() {
            return retries;
        }

        public void setRetries(int retries) {
            this.retries = retries;
        }

        public Duration getSleepDuration() {
            return sleepDuration;
        }

        public void setSleepDuration(Duration sleepDuration) {
            this.sleepDuration = sleepDuration;
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
        HALT_HANDLER
    }
}
