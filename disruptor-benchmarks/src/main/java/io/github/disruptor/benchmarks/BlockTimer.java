package io.github.disruptor.benchmarks;

/**
 * One block of the interleaved comparison: a fresh flow of one contender, one untimed invocation
 * (so that every consumer thread is running before the clock starts), then {@code invocations}
 * timed ones of {@link ThroughputBenchmark#EVENTS} events each, driven exactly as the JMH benchmarks
 * drive them ({@link FlowDriver}).
 *
 * <p>Its entry point takes and returns only JDK types, so that {@link InterleavedBlocks} can call it
 * in a class loader that links the benchmarks against another build of the core
 * ({@link AlternativeCore}).
 */
public final class BlockTimer {

    private BlockTimer() {
    }

    /**
     * @param scenarioId a {@link Scenario#id()} of a scenario with a workload
     * @param wait how the flow's threads wait, {@code busy-spin} or {@code yielding}
     * @return millions of events consumed per second over the timed invocations
     */
    public static double timeBlock(String scenarioId, String contender, String wait, int invocations) {
        Scenario scenario = Scenario.byId(scenarioId);
        Idle idle = Idle.of(wait);
        FlowDriver driver = new FlowDriver(scenario.createFlow(contender, idle), scenario.workload().waiting(idle));
        try {
            driver.publishAndAwait(ThroughputBenchmark.EVENTS);
            long start = System.nanoTime();
            for (int k = 0; k < invocations; k++) {
                driver.publishAndAwait(ThroughputBenchmark.EVENTS);
            }
            long elapsed = System.nanoTime() - start;
            return (double) invocations * ThroughputBenchmark.EVENTS * 1_000 / elapsed;
        } finally {
            driver.close();
            System.gc(); // the next block's ring should not be allocated into this one's leftovers
        }
    }
}
