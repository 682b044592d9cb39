package io.github.disruptor.jcstress;

import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.openjdk.jcstress.JCStress;
import org.openjdk.jcstress.Options;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;

/**
 * Runs jcstress with the given command-line options, then grades the results itself and exits with 1
 * if any test saw a forbidden outcome, failed to run, or did not run at all. jcstress's own
 * {@code Main} exits with 0 whatever happened, which would let a broken build pass.
 */
public final class JCStressGate {

    private JCStressGate() {
    }

    /**
     * @param args jcstress options, for example {@code -m sanity}
     */
    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        if (!options.parse()) {
            System.exit(2);
        }
        JCStress jcstress = new JCStress(options);
        SortedSet<String> expected = jcstress.getTests();
        try {
            jcstress.run();
        } catch (IllegalStateException reportedFailures) {
            // jcstress ends its report by throwing when a test failed; the grading below says which.
            System.out.println("jcstress: " + reportedFailures.getMessage());
        }

        InProcessCollector collector = new InProcessCollector();
        DiskReadCollector reader = new DiskReadCollector(options.getResultFile(), collector);
        try {
            reader.dump();
        } finally {
            reader.close();
        }
        List<String> failures = failures(collector.getTestResults(), expected);
        if (failures.isEmpty()) {
            System.out.println("jcstress gate: all " + expected.size() + " tests passed ("
                    + collector.getTestResults().size() + " runs)");
            System.exit(0);
        }
        System.out.println("jcstress gate: FAILED");
        failures.forEach(failure -> System.out.println("  " + failure));
        System.exit(1);
    }

    static List<String> failures(Iterable<TestResult> results, Set<String> expected) {
        Set<String> seen = new TreeSet<>();
        List<String> failures = new java.util.ArrayList<>();
        for (TestResult result : results) {
            seen.add(result.getName());
            if (result.status() != Status.NORMAL) {
                failures.add(result.getName() + ": " + result.status() + " " + result.getMessages());
            } else if (!result.grading().isPassed) {
                failures.add(result.getName() + ": " + String.join("; ", result.grading().failureMessages));
            }
        }
        Set<String> missing = expected.stream().filter(name -> !seen.contains(name))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!missing.isEmpty()) {
            failures.add("no result for " + missing);
        }
        if (expected.isEmpty()) {
            failures.add("no jcstress test matched the options");
        }
        return failures;
    }
}
