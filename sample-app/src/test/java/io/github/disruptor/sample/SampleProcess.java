package io.github.disruptor.sample;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * The sample application in a child JVM, for what a test cannot do to its own JVM: limit the size of the
 * files the application writes ({@code RLIMIT_FSIZE}, set with util-linux {@code prlimit}), and kill it
 * with {@code SIGKILL}. The child runs {@link SampleApplication} from this module's classes and
 * dependencies (not the test classes), on a random port; its output is kept in memory and in a log file.
 */
final class SampleProcess implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final long START_TIMEOUT_SECONDS = 90;
    /** Small and quick to start: what a test that kills or starves the process needs. */
    private static final List<String> TEST_JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-XX:-UsePerfData");

    private final Process process;
    private final Path log;
    private final StringBuffer output = new StringBuffer();
    private final int port;

    private SampleProcess(Path log, List<String> jvmOptions, List<String> arguments) {
        this.log = log;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", applicationClassPath(), SampleApplication.class.getName(), "--server.port=0"));
        command.addAll(arguments);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot start " + command, ex);
        }
        Thread reader = new Thread(this::readOutput, "sample-process-" + process.pid() + "-output");
        reader.setDaemon(true);
        reader.start();
        port = await("the sample in process " + process.pid() + " to listen").atMost(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .until(this::listeningPort, found -> found > 0 || !process.isAlive());
        if (port <= 0) {
            throw new AssertionError("the sample in process " + process.pid() + " ended before it listened (" + log + "):\n"
                    + output);
        }
    }

    /** Starts the sample with these command-line arguments, its output also written to {@code log}, and waits until it listens. */
    static SampleProcess start(Path log, String... arguments) {
        return new SampleProcess(log, TEST_JVM_OPTIONS, Arrays.asList(arguments));
    }

    /** As {@link #start(Path, String...)}, on a JVM with these options instead of the small, quick-starting ones. */
    static SampleProcess start(Path log, List<String> jvmOptions, List<String> arguments) {
        return new SampleProcess(log, jvmOptions, arguments);
    }

    /** Why this machine cannot limit a child's file sizes, or {@code null} if it can. */
    static String fileSizeLimitUnavailable() {
        if (!System.getProperty("os.name").startsWith("Linux")) {
            return "limiting a process's file size needs Linux (RLIMIT_FSIZE through prlimit)";
        }
        try {
            Process probe = new ProcessBuilder("prlimit", "--version").redirectErrorStream(true).start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0 ? null
                    : "prlimit --version failed; install util-linux";
        } catch (IOException ex) {
            return "prlimit not found (" + ex.getMessage() + "); install util-linux";
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Where the application's output goes, to read after a failure. */
    Path log() {
        return log;
    }

    /**
     * Sets the soft {@code RLIMIT_FSIZE} of the running application: a write that would make any file larger
     * than {@code bytes} fails with {@code EFBIG} ("File too large"), the JVM ignores {@code SIGXFSZ}. The hard
     * limit stays unlimited, so the limit can be raised again. {@code -1} lifts the limit.
     */
    void limitFileSize(long bytes) {
        String limit = bytes < 0 ? "unlimited" : Long.toString(bytes);
        try {
            Process prlimit = new ProcessBuilder("prlimit", "--pid", Long.toString(process.pid()), "--fsize=" + limit + ":")
                    .redirectErrorStream(true).start();
            String said = new String(prlimit.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!prlimit.waitFor(10, TimeUnit.SECONDS) || prlimit.exitValue() != 0) {
                throw new AssertionError("prlimit --fsize=" + limit + " on process " + process.pid() + " failed: " + said);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** {@code kill -9}: no shutdown hook, no draining, no flushing; waits until the process is gone. */
    void killHard() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("process " + process.pid() + " survived SIGKILL for 30 s");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            killHard();
        }
    }

    private int listeningPort() {
        Matcher matcher = PORT.matcher(output);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                BufferedWriter file = Files.newBufferedWriter(Files.createDirectories(log.getParent()).resolve(
                        log.getFileName()), StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                file.write(line);
                file.newLine();
                file.flush();
            }
        } catch (IOException ex) {
            output.append("(output stopped: ").append(ex.getMessage()).append(")\n");
        }
    }

    /** This module's classes and its dependencies, without the test classes (whose components would be scanned). */
    private static String applicationClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && Files.exists(Path.of(entry)))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
