package io.github.disruptor.spring.devtools;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rings under spring-boot-devtools, as a developer runs them. Devtools switches its restart off in a
 * JVM that JUnit launched, so {@link DevToolsRestartApplication} runs in a JVM of its own, from a
 * plain {@code java -cp ... Main} as an IDE starts it: devtools loads the application's classes (the
 * test classes here) with its restart class loader, and the starter, like any library jar, with the
 * application class loader. A file that changes on the class path, as a recompiled class would, then
 * restarts it for real: devtools closes the context and starts a new one on a new class loader.
 */
class DevToolsRestartTests {

    private static final Pattern REPORT = Pattern.compile(DevToolsRestartApplication.READY
            + " loader=(\\d+) settled=(\\d+) handlerThreads=\\[(.*)] liveRingThreads=\\[(.*)]");

    @Test
    void methodHandlersRunUnderTheRestartClassLoaderAndARestartReplacesTheRingsThreads(@TempDir Path directory)
            throws IOException, InterruptedException {
        // a class path directory that devtools watches; its properties keep the modules' own classes
        // (target/classes, a jar in an application) out of the restart class loader
        Path watched = Files.createDirectories(directory.resolve("watched"));
        Files.createDirectories(watched.resolve("META-INF"));
        Files.writeString(watched.resolve("META-INF/spring-devtools.properties"),
                "restart.exclude.library-modules=/target/classes/\n");
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", watched + File.pathSeparator + System.getProperty("java.class.path"),
                DevToolsRestartApplication.class.getName(), "--spring.main.banner-mode=off",
                "--spring.devtools.livereload.enabled=false",
                "--spring.devtools.restart.poll-interval=200ms", "--spring.devtools.restart.quiet-period=100ms")
                .directory(directory.toFile()).redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> readLines(app, output), "devtools-application-output");
        reader.setDaemon(true);
        reader.start();
        try {
            Report first = awaitReport(output, 1, app);
            assertThat(output).as("devtools' restart is on").anyMatch(line -> line.contains("restartedMain"));
            assertThat(first.settled()).isEqualTo(DevToolsRestartApplication.PAYMENTS);
            assertThat(first.liveRingThreads()).hasSize(2).isEqualTo(first.handlerThreads());

            Files.writeString(watched.resolve("changed.txt"), "a change devtools restarts the application for");
            Report second = awaitReport(output, 2, app);

            assertThat(second.loader()).as("a new restart class loader").isNotEqualTo(first.loader());
            assertThat(second.settled()).isEqualTo(DevToolsRestartApplication.PAYMENTS);
            assertThat(second.liveRingThreads()).as("the ring's live threads are the new context's")
                    .hasSize(2).isEqualTo(second.handlerThreads()).doesNotContainAnyElementsOf(first.handlerThreads());
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    /** The {@code count}th report of the application; its whole output in the failure if it never comes. */
    private static Report awaitReport(List<String> output, int count, Process app) {
        try {
            return await("report " + count + " of the devtools application").atMost(Duration.ofSeconds(120))
                    .failFast("the application failed or exited", () -> !app.isAlive() || output.stream().anyMatch(
                            line -> line.contains("APPLICATION FAILED TO START") || line.contains("Application run failed")))
                    .until(() -> output.stream().map(REPORT::matcher).filter(Matcher::find).skip(count - 1)
                            .findFirst().map(Report::of).orElse(null), report -> report != null);
        } catch (ConditionTimeoutException | TerminalFailureException failure) {
            throw new AssertionError(failure.getMessage() + "; its output:\n" + String.join("\n", output), failure);
        }
    }

    private static void readLines(Process app, List<String> output) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
            }
        } catch (IOException closed) {
            // the process ended and its output with it
        }
    }

    /** One line {@link DevToolsRestartApplication} prints when its context is ready. */
    private record Report(long loader, long settled, Set<Long> handlerThreads, Set<Long> liveRingThreads) {

        static Report of(Matcher line) {
            return new Report(Long.parseLong(line.group(1)), Long.parseLong(line.group(2)), ids(line.group(3)),
                    ids(line.group(4)));
        }

        private static Set<Long> ids(String list) {
            return Arrays.stream(list.split(",")).map(String::strip).filter(id -> !id.isEmpty()).map(Long::valueOf)
                    .collect(Collectors.toSet());
        }
    }
}
