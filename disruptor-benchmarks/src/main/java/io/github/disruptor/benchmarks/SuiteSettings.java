package io.github.disruptor.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * How a suite run measured: JMH's version, the rounds, each fork's warm-up and measurement, and the
 * forks' JVM arguments.
 *
 * @param quick whether this was a short trial run ({@code --quick}), not one to draw conclusions from
 */
record SuiteSettings(String jmh, int rounds, boolean quick, int warmupIterations, int warmupSeconds,
        int measurementIterations, int measurementSeconds, List<String> forkJvmArgs) {

    /** For the report's header. */
    String summary() {
        return String.format(Locale.ROOT, "JMH %s; %d round%s, each one fork per contender and scenario; per fork "
                + "warm-up %d × %d s, measurement %d × %d s; fork JVM arguments %s%s", jmh, rounds, rounds == 1 ? "" : "s",
                warmupIterations,
                warmupSeconds, measurementIterations, measurementSeconds, String.join(" ", forkJvmArgs),
                quick ? " (quick trial run: too short to draw conclusions from)" : "");
    }
}
