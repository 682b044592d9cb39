package io.github.disruptor.sample;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The dashboard's shape, and the variable substitution the Prometheus test relies on. */
class GrafanaDashboardTest {

    private final GrafanaDashboard dashboard = GrafanaDashboard.read(DashboardPrometheusTest.DASHBOARD);

    @Test
    void hasTheSixPanelsAndTheInstanceAndRingVariables() {
        assertThat(dashboard.panels()).extracting(GrafanaDashboard.Panel::title).containsExactly("Lag per handler",
                "Ring utilisation", "Publish rate vs processed rate per handler", "Estimated time to drain",
                "Handler errors", "Rejected tryPublish (ring full)");
        assertThat(dashboard.variables()).extracting(GrafanaDashboard.Variable::name).containsExactly("instance", "ring");
        assertThat(dashboard.variables().get(1).selector()).isEqualTo("disruptor_ring_capacity{instance=\"$instance\"}");
        assertThat(dashboard.variables().get(1).label()).isEqualTo("ring");
    }

    @Test
    void everyQueryFiltersByInstanceAndRing() {
        assertThat(dashboard.expressions()).hasSize(7)
                .allSatisfy(expr -> assertThat(expr).contains("instance=\"$instance\", ring=~\"$ring\""));
    }

    @Test
    void substitutesVariablesAndGrafanasIntervals() {
        String expr = "rate(disruptor_events_published_total{instance=\"$instance\", ring=~\"${ring}\"}[$__rate_interval])";

        assertThat(GrafanaDashboard.substitute(expr, Map.of("instance", "127.0.0.1:8080", "ring", "orders")))
                .isEqualTo("rate(disruptor_events_published_total{instance=\"127.0.0.1:8080\", ring=~\"orders\"}[5s])");
    }

    @Test
    void refusesToLeaveAVariableUnresolved() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GrafanaDashboard.substitute("up{job=\"$job\"}", Map.of("instance", "x")))
                .withMessage("No value for $job in up{job=\"$job\"}");
    }
}
