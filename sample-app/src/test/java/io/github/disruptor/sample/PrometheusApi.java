package io.github.disruptor.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few calls of Prometheus' HTTP API the dashboard test needs. */
final class PrometheusApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    PrometheusApi(URI base) {
        this.base = base;
    }

    /** The health of every active scrape target: "up", "down" or "unknown". */
    List<String> targetHealth() {
        List<String> health = new ArrayList<>();
        get("/api/v1/targets?state=active").path("activeTargets").forEach(target -> health.add(target.path("health").asString()));
        return health;
    }

    /** An instant query, evaluated now: the {@code data.result} array. */
    JsonNode query(String expr) {
        return get("/api/v1/query?query=" + encode(expr)).path("result");
    }

    /** A range query: the {@code data.result} matrix. */
    JsonNode queryRange(String expr, Instant start, Instant end, Duration step) {
        return get("/api/v1/query_range?query=" + encode(expr) + "&start=" + start.getEpochSecond() + "&end="
                + end.getEpochSecond() + "&step=" + step.toSeconds()).path("result");
    }

    /** Grafana's {@code label_values(selector, label)}: the values of {@code label} on the series of {@code selector}. */
    List<String> labelValues(String selector, String label) {
        List<String> values = new ArrayList<>();
        get("/api/v1/label/" + label + "/values?match[]=" + encode(selector)).forEach(value -> values.add(value.asString()));
        return values;
    }

    private JsonNode get(String pathAndQuery) {
        URI uri = URI.create(base + pathAndQuery);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !"success".equals(body.path("status").asString())) {
                throw new IllegalStateException("Prometheus answered " + response.statusCode() + " to " + uri + ": "
                        + response.body());
            }
            return body.path("data");
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot reach Prometheus at " + uri + ": " + ex.getMessage(), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + uri, ex);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
