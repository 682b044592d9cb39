package io.github.disruptor.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.context.ApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/** Talks to the sample app over real HTTP, as curl would. */
final class SampleClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String base;

    SampleClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** The port the web server of {@code context} listens on (started with {@code server.port=0}). */
    static int port(ApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    Response post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET().build());
    }

    /** Places an order and returns its id; fails unless the app answered 202. */
    long place(String symbol, String side, String price, long quantity) {
        Response response = post("/orders", order(symbol, side, price, quantity));
        if (response.status() != 202) {
            throw new AssertionError("expected 202 for " + side + " " + quantity + " " + symbol + " @ " + price
                    + ", got " + response);
        }
        return response.json().get("id").asLong();
    }

    /** Waits until {@code GET /orders/{id}} shows the order (the results stage has handled it) and returns it. */
    JsonNode awaitOrder(long id) {
        return await("order " + id + " to show in GET /orders/" + id).atMost(TIMEOUT)
                .until(() -> get("/orders/" + id), response -> response.status() == 200)
                .json();
    }

    static String order(String symbol, String side, String price, long quantity) {
        return "{\"symbol\":\"" + symbol + "\",\"side\":\"" + side + "\",\"price\":" + price + ",\"quantity\":"
                + quantity + "}";
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                    response.body());
        } catch (IOException ex) {
            throw new UncheckedIOException(request.uri() + ": " + ex.getMessage(), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + request.uri(), ex);
        }
    }

    /** A response: status, the Retry-After header if any, and the body. */
    record Response(int status, String retryAfter, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
