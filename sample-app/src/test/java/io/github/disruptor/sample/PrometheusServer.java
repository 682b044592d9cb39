package io.github.disruptor.sample;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.Testcontainers;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;

/**
 * A real Prometheus that scrapes one application every second: in a container when a Docker engine
 * is present, else the {@code prometheus} binary on the PATH. Closing it always stops it.
 */
abstract class PrometheusServer implements AutoCloseable {

    static final String IMAGE = "prom/prometheus:v2.55.1";
    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    /**
     * How to get a Prometheus here, or empty with nothing to start it with.
     *
     * @return a function from the application's port and a scratch directory to a started server
     */
    static Optional<Launcher> locate() {
        if (dockerAvailable()) {
            return Optional.of(Container::new);
        }
        return binaryOnPath().map(binary -> (appPort, workDirectory) -> new Local(binary, appPort, workDirectory));
    }

    /** What to install when {@link #locate()} finds nothing. */
    static String installHint() {
        return "Neither a Docker engine nor a 'prometheus' binary on the PATH: install one "
                + "(Debian/Ubuntu: apt-get install prometheus; or start Docker) to run the dashboard test";
    }

    /** The base address of Prometheus' HTTP API. */
    abstract URI uri();

    /** A description for failure messages, including how to see the server's output. */
    abstract String describe();

    @Override
    public abstract void close();

    /** Prometheus' configuration: one job that scrapes {@code target} every second. */
    static String config(String target) {
        return """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: disruptor-sample
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ["%s"]
                """.formatted(target);
    }

    /** Starts a server for an application on {@code appPort}. */
    @FunctionalInterface
    interface Launcher {

        PrometheusServer start(int appPort, Path workDirectory);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError ex) {
            return false;
        }
    }

    private static Optional<Path> binaryOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, "prometheus");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The {@code prometheus} binary in a child process, its data and log in the work directory. */
    private static final class Local extends PrometheusServer {

        private final Process process;
        private final Path log;
        private final URI uri;

        Local(Path binary, int appPort, Path workDirectory) {
            int port = freePort();
            this.uri = URI.create("http://127.0.0.1:" + port);
            this.log = workDirectory.resolve("prometheus.log");
            try {
                Path config = Files.writeString(workDirectory.resolve("prometheus.yml"),
                        config("127.0.0.1:" + appPort));
                this.process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                        "--storage.tsdb.path=" + Files.createDirectories(workDirectory.resolve("data")),
                        "--web.listen-address=127.0.0.1:" + port)
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            } catch (IOException ex) {
                throw new UncheckedIOException("Cannot start " + binary + ": " + ex.getMessage(), ex);
            }
            try {
                awaitReady();
            } catch (RuntimeException | Error ex) {
                close();
                throw ex;
            }
        }

        @Override
        URI uri() {
            return uri;
        }

        @Override
        String describe() {
            return "Prometheus process " + process.pid() + " on " + uri + ", log " + log;
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException ex) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        private void awaitReady() {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Prometheus exited with " + process.exitValue() + ": " + logTail());
                }
                try {
                    HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(uri.resolve("/-/ready"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                    if (ready.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Prometheus", ex);
                }
                sleepQuietly(Duration.ofMillis(200));
            }
            throw new IllegalStateException("Prometheus was not ready within " + STARTUP_TIMEOUT + ": " + logTail());
        }

        private String logTail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
            } catch (IOException ex) {
                return "(no log: " + ex.getMessage() + ")";
            }
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    /** Prometheus in a container, reaching the application on the host through Testcontainers' host port. */
    private static final class Container extends PrometheusServer {

        private static final int PORT = 9090;

        private final GenericContainer<?> container;

        @SuppressWarnings("resource") // closed in close()
        Container(int appPort, Path workDirectory) {
            Testcontainers.exposeHostPorts(appPort);
            this.container = new GenericContainer<>(IMAGE)
                    .withCopyToContainer(Transferable.of(config("host.testcontainers.internal:" + appPort)),
                            "/etc/prometheus/prometheus.yml")
                    .withExposedPorts(PORT)
                    .waitingFor(Wait.forHttp("/-/ready").forStatusCode(200))
                    .withStartupTimeout(STARTUP_TIMEOUT);
            container.start();
        }

        @Override
        URI uri() {
            return URI.create("http://" + container.getHost() + ":" + container.getMappedPort(PORT));
        }

        @Override
        String describe() {
            return "Prometheus container " + container.getContainerId() + " (" + IMAGE + ") on " + uri();
        }

        @Override
        public void close() {
            container.stop();
        }
    }

    static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }
}
