package io.github.disruptor.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Proves the Grafana dashboard against a real Prometheus: the sample app runs with its load
 * generator, Prometheus scrapes {@code /actuator/prometheus} every second, and every query of
 * {@code grafana/disruptor-dashboard.json}, with its variables resolved as Grafana would, must return
 * data.
 *
 * <p>Prometheus runs in a container when Docker is present, else as the {@code prometheus} binary on
 * the PATH. With neither the test is skipped, except under {@code CI=true}, where it fails.
 *
 * <p>{@code -Ddashboard.preview=grafana/dashboard-preview.png} also renders the panels into that
 * PNG after {@code -Ddashboard.preview.seconds} (default 120) of load with periodic bursts.
 */
class DashboardPrometheusTest {

    static final Path DASHBOARD = Path.of("grafana", "disruptor-dashboard.json");
    static final Duration DEADLINE = Duration.ofSeconds(90);

    @TempDir
    Path work;

    @Test
    void everyQueryOfTheDashboardReturnsDataFromARealPrometheus() {
        PrometheusServer.Launcher launcher = PrometheusServer.locate().orElse(null);
        if (launcher == null) {
            if ("true".equals(System.getenv("CI"))) {
                fail(PrometheusServer.installHint() + "; under CI=true this test must run");
            }
            Assumptions.abort(PrometheusServer.installHint());
        }
        GrafanaDashboard dashboard = GrafanaDashboard.read(DASHBOARD);
        try (ConfigurableApplicationContext app = startApp();
                PrometheusServer server = launcher.start(SampleClient.port(app), work)) {
            PrometheusApi prometheus = new PrometheusApi(server.uri());
            await("the sample app as a healthy target of " + server.describe()).atMost(DEADLINE)
                    .until(prometheus::targetHealth, health -> health.equals(List.of("up")));
            Instant scraped = Instant.now();

            Map<String, String> variables = resolveVariables(dashboard, prometheus, server);
            assertThat(variables).containsEntry("ring", "orders");

            List<String> queries = dashboard.expressions().stream()
                    .map(expr -> GrafanaDashboard.substitute(expr, variables)).toList();
            assertThat(queries).hasSize(7);
            await("data for every dashboard query from " + server.describe()).atMost(DEADLINE)
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(queriesWithoutData(prometheus, queries))
                            .as("queries without data").isEmpty());
            assertThat(prometheus.query("increase(disruptor_events_published_total[5s]) > 0"))
                    .as("the load generator moves the published counter").isNotEmpty();

            String preview = System.getProperty("dashboard.preview");
            if (preview != null) {
                recordPreview(app, Duration.ofSeconds(Long.getLong("dashboard.preview.seconds", 120)));
                DashboardPreview.render(dashboard, variables, prometheus, scraped, Instant.now(), Path.of(preview));
            }
        }
    }

    private ConfigurableApplicationContext startApp() {
        return new SpringApplicationBuilder(SampleApplication.class).run("--server.port=0",
                "--sample.journal.directory=" + work.resolve("journal"), "--sample.load.enabled=true",
                "--sample.load.rate=1000");
    }


    /** Grafana's way: each variable's label_values query, with the variables before it substituted. */
    private static Map<String, String> resolveVariables(GrafanaDashboard dashboard, PrometheusApi prometheus,
            PrometheusServer server) {
        Map<String, String> values = new LinkedHashMap<>();
        for (GrafanaDashboard.Variable variable : dashboard.variables()) {
            String selector = GrafanaDashboard.substitute(variable.selector(), values);
            List<String> found = await("values of $" + variable.name() + " from " + server.describe())
                    .atMost(DEADLINE).until(() -> prometheus.labelValues(selector, variable.label()), v -> !v.isEmpty());
            assertThat(found).as("values of $" + variable.name()).hasSize(1);
            values.put(variable.name(), found.get(0));
        }
        return values;
    }

    private static List<String> queriesWithoutData(PrometheusApi prometheus, List<String> queries) {
        List<String> empty = new ArrayList<>();
        for (String query : queries) {
            if (prometheus.query(query).isEmpty()) {
                empty.add(query);
            }
        }
        return empty;
    }

    /**
     * Load worth a picture: the generator's steady 1000 orders per second, plus a burst every 30
     * seconds in which this thread publishes as fast as the ring takes orders for 6 seconds, so lag,
     * utilisation and refused publishes show.
     */
    private static void recordPreview(ConfigurableApplicationContext app, Duration duration) {
        OrderIntake intake = app.getBean(OrderIntake.class);
        long end = System.nanoTime() + duration.toNanos();
        long cycle = TimeUnit.SECONDS.toNanos(30);
        long burst = TimeUnit.SECONDS.toNanos(6);
        long origin = System.nanoTime();
        long sequence = 0;
        while (System.nanoTime() < end) {
            if ((System.nanoTime() - origin) % cycle < burst) {
                intake.tryPlace(new OrderTicket("ACME", sequence % 2 == 0 ? Side.BUY : Side.SELL, 100_00 + sequence++ % 7, 1),
                        null);
            } else {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
        }
    }
}
