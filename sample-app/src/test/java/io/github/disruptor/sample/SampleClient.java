package io.github.disruptor.sample;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import org.springframework.context.ApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/** Talks to the sample app over real HTTP, as curl would. */
final class SampleClient {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final int port;
    private final String base;

    SampleClient(int port) {
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
    }

    /** The port the web server of {@code context} listens on (started with {@code server.port=0}). */
    static int port(ApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** A JSON POST; {@code headers} are name, value pairs. */
    Response post(String path, String body, String... headers) {
        return send(postRequest(path, HttpRequest.BodyPublishers.ofString(body), headers));
    }

    /** A POST whose response may take a while: the caller decides how long to wait. */
    CompletableFuture<Response> postAsync(String path, String body, String... headers) {
        HttpRequest request = postRequest(path, HttpRequest.BodyPublishers.ofString(body), headers);
        long started = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> Response.of(response, started));
    }

    /**
     * Sends the headers and the first {@code bytes} bytes of a body that never ends (its {@code framing} header
     * announces more, or it is chunked without a last chunk), then reads the answer, as a client does that streams
     * a large upload and stops when the server answers early. Over a plain socket, because {@code java.net.http}
     * reads no answer before it has sent the whole body.
     */
    Response postUnfinished(String path, String framing, int bytes) {
        long started = System.nanoTime();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + framing
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            boolean chunked = framing.toLowerCase(Locale.ROOT).contains("chunked");
            byte[] chunk = " ".repeat(8192).getBytes(StandardCharsets.US_ASCII);
            for (int sent = 0; sent < bytes; sent += chunk.length) {
                out.write(chunked ? ("2000\r\n" + new String(chunk, StandardCharsets.US_ASCII) + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII) : chunk);
            }
            out.flush();
            return readResponse(new DataInputStream(new BufferedInputStream(socket.getInputStream())), started);
        } catch (IOException ex) {
            throw new UncheckedIOException("POST " + path + " with " + framing + ": " + ex.getMessage(), ex);
        }
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

    private HttpRequest postRequest(String path, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.build();
    }

    private static Response readResponse(DataInputStream in, long started) throws IOException {
        int status = Integer.parseInt(readLine(in).split(" ")[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim(), name -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.containsKey("Content-Length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("Content-Length").get(0))));
        } else {
            for (int size = Integer.parseInt(readLine(in), 16); size > 0; size = Integer.parseInt(readLine(in), 16)) {
                body.write(in.readNBytes(size));
                readLine(in);
            }
        }
        return new Response(status, HttpHeaders.of(headers, (name, value) -> true),
                body.toString(StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - started));
    }

    private static String readLine(DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int next = in.read(); next != '\n'; next = in.read()) {
            if (next < 0) {
                throw new EOFException("the connection ended in the middle of the answer: " + line);
            }
            if (next != '\r') {
                line.append((char) next);
            }
        }
        return line.toString();
    }

    private Response send(HttpRequest request) {
        long started = System.nanoTime();
        try {
            return Response.of(http.send(request, HttpResponse.BodyHandlers.ofString()), started);
        } catch (IOException ex) {
            throw new UncheckedIOException(request.uri() + ": " + ex.getMessage(), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + request.uri(), ex);
        }
    }

    /** A response: status, headers, body, and how long it took from sending the request. */
    record Response(int status, HttpHeaders headers, String body, Duration elapsed) {

        static Response of(HttpResponse<String> response, long startedNanos) {
            return new Response(response.statusCode(), response.headers(), response.body(),
                    Duration.ofNanos(System.nanoTime() - startedNanos));
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String retryAfter() {
            return header("Retry-After");
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " after " + elapsed.toMillis() + " ms: "
                    + (body.length() > 500 ? body.substring(0, 500) + "... (" + body.length() + " characters)" : body);
        }
    }
}
