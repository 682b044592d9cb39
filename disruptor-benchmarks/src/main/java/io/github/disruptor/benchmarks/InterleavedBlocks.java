package io.github.disruptor.benchmarks;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One JVM of the interleaved comparison ({@link InterleavedComparison} starts it): times the
 * contenders of one scenario block after block ({@link BlockTimer}), the contenders' order rotated
 * every block, prints each block, and writes the scores as JSON for the launcher. The contender
 * {@value InterleavedOptions#ALTERNATIVE} runs our flows on the other core build
 * ({@link AlternativeCore}).
 *
 * <p>Usage: {@code InterleavedBlocks <result file> key=value...} (the keys of {@link InterleavedOptions},
 * one scenario).
 */
public final class InterleavedBlocks {

    static final int WARM_UP_BLOCKS = 4;

    private static final MethodType TIME_BLOCK =
            MethodType.methodType(double.class, String.class, String.class, String.class, int.class);

    private InterleavedBlocks() {
    }

    /**
     * What one JVM measured.
     *
     * @param scores millions of events per second, {@code [contender][block]}
     */
    record Result(String scenario, List<String> contenders, JvmDescription jvm, double[][] scores) {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 1) {
            System.err.println("usage: InterleavedBlocks <result file> key=value...");
            System.exit(2);
        }
        InterleavedOptions options = InterleavedOptions.parse(Arrays.copyOfRange(args, 1, args.length));
        if (options.scenarios().size() != 1) {
            throw new IllegalArgumentException("one JVM runs one scenario, not " + options.scenarios());
        }
        Result result = run(options.scenarios().get(0), options);
        Json.MAPPER.writeValue(Path.of(args[0]).toFile(), result);
    }

    static Result run(Scenario scenario, InterleavedOptions options) throws Throwable {
        List<String> contenders = options.contenders(scenario);
        String wait = options.idle(scenario).label();
        Map<String, MethodHandle> timers = timers(contenders, options.altCore());
        double[][] scores = new double[contenders.size()][options.blocks()];
        for (int block = -WARM_UP_BLOCKS; block < options.blocks(); block++) {
            StringBuilder line = new StringBuilder(block < 0 ? "warm-up" : "block " + block);
            for (int i = 0; i < contenders.size(); i++) {
                int contender = (i + Math.floorMod(block, contenders.size())) % contenders.size();
                String name = contenders.get(contender);
                double score = time(timers.get(name), scenario, name, wait, options);
                line.append(String.format(Locale.ROOT, "  %s %.1f", name, score));
                if (block >= 0) {
                    scores[contender][block] = score;
                }
            }
            System.out.println(line);
        }
        return new Result(scenario.id(), contenders, JvmDescription.current(), scores);
    }

    private static double time(MethodHandle timer, Scenario scenario, String contender, String wait,
            InterleavedOptions options) throws Throwable {
        String flow = contender.equals(InterleavedOptions.ALTERNATIVE) ? "ours" : contender;
        try {
            return (double) timer.invokeExact(scenario.id(), flow, wait, options.invocations());
        } catch (LinkageError mismatch) {
            if (!contender.equals(InterleavedOptions.ALTERNATIVE)) {
                throw mismatch;
            }
            throw new IllegalStateException("the core at " + options.altCore() + " lacks what the benchmarks call ("
                    + mismatch + "): build it from a commit whose builder and publish API match this one's", mismatch);
        }
    }

    /** {@link BlockTimer#timeBlock} per contender: the alternative's from its own class loader. */
    private static Map<String, MethodHandle> timers(List<String> contenders, Path altCore)
            throws ReflectiveOperationException {
        MethodHandle own = MethodHandles.lookup().findStatic(BlockTimer.class, "timeBlock", TIME_BLOCK);
        Map<String, MethodHandle> timers = new LinkedHashMap<>();
        for (String contender : contenders) {
            if (contender.equals(InterleavedOptions.ALTERNATIVE)) {
                // kept open for the JVM's life: its classes run until the last block
                AlternativeCore loader = AlternativeCore.load(altCore);
                Class<?> timer = Class.forName(BlockTimer.class.getName(), true, loader);
                timers.put(contender, MethodHandles.publicLookup().findStatic(timer, "timeBlock", TIME_BLOCK));
            } else {
                timers.put(contender, own);
            }
        }
        return timers;
    }
}
