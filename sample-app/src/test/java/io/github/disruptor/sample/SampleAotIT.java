package io.github.disruptor.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample processed ahead of time ({@code spring-boot:process-aot}, in this module's build) and
 * started as a user starts it: {@code java -Dspring.aot.enabled=true -jar sample-app.jar}. The context
 * comes from the generated code alone, no configuration class is parsed; the orders ring must still be
 * built from its handlers and match two crossing orders. Runs after the jar is packaged (failsafe).
 */
class SampleAotIT {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    @Test
    void theJarStartedInAotModeMatchesOrdersThroughItsRing(@TempDir Path journal) throws Exception {
        String jarProperty = System.getProperty("sample.jar");
        assertThat(jarProperty).as("the system property sample.jar, which failsafe sets after packaging: run this test "
                + "with ./mvnw -pl sample-app -am verify -Dit.test=SampleAotIT").isNotNull();
        Path jar = Path.of(jarProperty);
        assertThat(jar).as("the jar built by this module").isRegularFile();
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 alone: the sample lives a few seconds, and the build machine has two cores
                "-XX:TieredStopAtLevel=1", "-Dspring.aot.enabled=true", "-jar", jar.toString(), "--server.port=0",
                "--sample.journal.directory=" + journal, "--spring.main.banner-mode=off")
                .redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> readLines(app, output), "sample-aot-output");
        reader.setDaemon(true);
        reader.start();
        try {
            int port = await("the AOT-processed sample to start (output: " + output + ")").atMost(Duration.ofSeconds(120))
                    .failFast("the sample exited", () -> !app.isAlive())
                    .until(() -> portIn(output), found -> found > 0);
            assertThat(output).anyMatch(line -> line.contains("Starting AOT-processed SampleApplication"));

            SampleClient client = new SampleClient(port);
            long sell = client.place("ACME", "SELL", "100.00", 10);
            long buy = client.place("ACME", "BUY", "101.00", 4);
            assertThat(client.awaitOrder(buy).get("status").asString()).isEqualTo("FILLED");
            JsonNode trade = client.get("/trades").json().get(0);
            assertThat(trade.get("buyOrderId").asLong()).isEqualTo(buy);
            assertThat(trade.get("sellOrderId").asLong()).isEqualTo(sell);
            assertThat(trade.get("quantity").asLong()).isEqualTo(4);
            JsonNode ring = client.get("/actuator/disruptor/orders").json();
            assertThat(ring.get("handlers").valueStream().map(handler -> handler.get("name").asString()))
                    .containsExactly("orderJournal", "orderValidator.validate", "matchingEngine", "orderResults.publish");
            assertThat(Files.size(journal.resolve("orders.journal"))).as("the journal stage wrote both orders").isPositive();
        } finally {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
        assertThat(output).as("the rings drained on close").noneMatch(line -> line.contains("was stopped before draining"));
    }

    private static int portIn(List<String> output) {
        for (String line : output) {
            Matcher port = PORT.matcher(line);
            if (port.find()) {
                return Integer.parseInt(port.group(1));
            }
        }
        return 0;
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
}
