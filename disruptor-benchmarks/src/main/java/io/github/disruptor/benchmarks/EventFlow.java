package io.github.disruptor.benchmarks;

/**
 * One contender wired into a {@link Topology}: producers publish into it, the last stage's
 * {@link CountingHandler}s consume. The measured work is {@link #publish} on every producer followed
 * by {@link #awaitConsumed}, so the time covers every event until the slowest consumer has it.
 */
interface EventFlow {

    /** Ring size and queue capacity of every contender. */
    int CAPACITY = 1 << 16;

    /** Publishes {@code events} events from the calling thread, {@code batchSize} per claim. */
    void publish(int events, int batchSize);

    /**
     * Waits until every last-stage consumer has consumed {@code total} events since the flow started.
     *
     * @return a checksum of what the consumers saw, for the benchmark to return
     */
    long awaitConsumed(long total);

    /** Stops the consumer threads. */
    void close();

    /** {@code contender} wired for {@code workload}'s topology and way of waiting. */
    static EventFlow create(String contender, Workload workload) {
        Topology topology = workload.topology();
        Idle idle = workload.idle();
        return switch (contender) {
            case "ours" -> new CoreFlow(topology, idle);
            case "lmax" -> new LmaxFlow(topology, idle);
            case "abq" -> new QueueFlow(topology, idle, QueueFlow.Kind.ARRAY_BLOCKING_QUEUE);
            case "jctools" -> new QueueFlow(topology, idle, QueueFlow.Kind.JCTOOLS);
            default -> throw new IllegalArgumentException(
                    "unknown contender '" + contender + "'; expected ours, lmax, abq or jctools");
        };
    }

    /** Waits with {@code idle} until every handler reached {@code total}; returns their summed checksum. */
    static long awaitAll(CountingHandler[] terminals, long total, Idle idle) {
        long checksum = 0;
        for (CountingHandler terminal : terminals) {
            while (terminal.consumed() < total) {
                idle.idle();
            }
            checksum += terminal.sum();
        }
        return checksum;
    }
}
