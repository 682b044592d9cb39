package io.github.disruptor.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Round-trip latency, ping-pong style (see {@link PingPong}). JMH reports the mean round trip; the
 * pinger records every round trip of the measurement iterations in an HdrHistogram, whose p50, p99
 * and p99.9 are printed at the end of the trial. When the system property {@value #RESULT_DIRECTORY}
 * names a directory, the histogram itself is written there as {@code <contender>.hgrm}
 * ({@link HistogramCodec}), so that the suite can merge the forks.
 *
 * <p>The benchmark thread only starts each burst and parks until it is done, so the two busy-spinning
 * sides have the two cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PingPongLatencyBenchmark {

    /** System property naming the directory for the histogram files. */
    public static final String RESULT_DIRECTORY = "disruptor.benchmarks.latency-dir";
    /** File name suffix of a histogram file. */
    public static final String HISTOGRAM_SUFFIX = ".hgrm";

    /** Round trips per invocation. */
    public static final int ROUND_TRIPS = 10_000;

    @Param({"ours", "lmax", "abq", "jctools"})
    public String contender;

    private PingPong pingPong;
    private boolean measuring;

    @Setup(Level.Trial)
    public void start() {
        pingPong = PingPong.create(contender);
    }

    @Setup(Level.Iteration)
    public void startRecording(IterationParams iteration) {
        if (iteration.getType() == IterationType.MEASUREMENT && !measuring) {
            pingPong.pinger.histogram().reset();
            measuring = true;
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public void roundTrips() {
        pingPong.pinger.beginBurst(ROUND_TRIPS);
        pingPong.sendFirstPing();
        pingPong.pinger.awaitBurst();
    }

    @TearDown(Level.Trial)
    public void stop() {
        pingPong.close();
        Histogram histogram = pingPong.pinger.histogram();
        System.out.println();
        System.out.printf(Locale.ROOT, "Round trip (ns), %s: count=%d p50=%d p99=%d p99.9=%d max=%d%n", contender,
                histogram.getTotalCount(), histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(99),
                histogram.getValueAtPercentile(99.9), histogram.getMaxValue());
        String directory = System.getProperty(RESULT_DIRECTORY);
        if (directory != null) {
            try {
                Path dir = Files.createDirectories(Path.of(directory));
                Files.writeString(dir.resolve(contender + HISTOGRAM_SUFFIX), HistogramCodec.encode(histogram));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the round-trip histogram to " + directory, e);
            }
        }
    }
}
