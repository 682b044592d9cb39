package io.github.disruptor.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The order API over real HTTP, on the real pipeline. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sample.read-model.max-orders=" + OrderApiTest.MAX_ORDERS)
@DirtiesContext
class OrderApiTest {

    /** Small, so that a test can push an order out of the read model; every other test reads its orders at once. */
    static final int MAX_ORDERS = 20;

    @TempDir
    static Path journal;

    @LocalServerPort
    int port;

    SampleClient client;

    @DynamicPropertySource
    static void journalInTempDir(DynamicPropertyRegistry registry) {
        registry.add("sample.journal.directory", journal::toString);
    }

    @BeforeEach
    void connect() {
        client = new SampleClient(port);
    }

    @Test
    void aCrossingOrderTradesAtTheRestingPriceAndBothOrdersShowTheirFills() {
        long sell = client.place("ACME", "SELL", "100.00", 10);
        long buy = client.place("ACME", "BUY", "101.00", 4);

        JsonNode buyer = client.awaitOrder(buy);
        assertThat(buyer.get("status").asString()).isEqualTo("FILLED");
        assertThat(buyer.get("filledQuantity").asLong()).isEqualTo(4);
        JsonNode seller = client.get("/orders/" + sell).json();
        assertThat(seller.get("status").asString()).isEqualTo("PARTIALLY_FILLED");
        assertThat(seller.get("filledQuantity").asLong()).isEqualTo(4);

        JsonNode trades = client.get("/trades?symbol=ACME").json();
        assertThat(trades).hasSize(1);
        JsonNode trade = trades.get(0);
        assertThat(trade.get("price").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(trade.get("quantity").asLong()).isEqualTo(4);
        assertThat(trade.get("buyOrderId").asLong()).isEqualTo(buy);
        assertThat(trade.get("sellOrderId").asLong()).isEqualTo(sell);
        assertThat(trade.get("takerSide").asString()).isEqualTo("BUY");

        JsonNode book = client.get("/books/ACME").json();
        assertThat(book.get("bids")).isEmpty();
        assertThat(book.get("asks")).hasSize(1);
        assertThat(book.get("asks").get(0).get("price").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(book.get("asks").get(0).get("quantity").asLong()).isEqualTo(6);
    }

    @Test
    void validationRejectsAcceptedOrdersThatBreakTheRules() {
        long unlisted = client.place("NOPE", "BUY", "1.00", 1);
        long oversized = client.place("GLOBEX", "BUY", "1.00", 10_001);

        assertThat(client.awaitOrder(unlisted).get("status").asString()).isEqualTo("REJECTED");
        assertThat(client.get("/orders/" + unlisted).json().get("rejection").asString())
                .isEqualTo("unknown symbol 'NOPE'; listed symbols (sample.symbols): ACME, GLOBEX, INITECH");
        JsonNode tooBig = client.awaitOrder(oversized);
        assertThat(tooBig.get("status").asString()).isEqualTo("REJECTED");
        assertThat(tooBig.get("rejection").asString()).isEqualTo(
                "quantity 10001 exceeds the maximum order quantity of 10000 (sample.max-order-quantity)");
        assertThat(client.get("/books/GLOBEX").json().get("bids")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"symbol\":\"ACME\",                                       | The request body is not an order",
        "not json                                                    | The request body is not an order",
        "{\"symbol\":\"ACME\",\"side\":\"BUY\",\"price\":\"abc\",\"quantity\":1} | price must be a JSON number (for example 101.25), not a string",
        "{\"side\":\"BUY\",\"price\":1,\"quantity\":1}                | symbol must be 1 to 12 upper-case letters, digits or dots, starting with a letter (for example ACME), was missing",
        "{\"symbol\":\"acme\",\"side\":\"BUY\",\"price\":1,\"quantity\":1} | was 'acme'",
        "{\"symbol\":\"ACME\",\"side\":\"HOLD\",\"price\":1,\"quantity\":1} | side must be BUY or SELL, was 'HOLD'",
        "{\"symbol\":\"ACME\",\"side\":\"BUY\",\"price\":-1,\"quantity\":1} | price must be a number above 0 and up to 1000000 with at most 2 decimals (for example 101.25), was -1",
        "{\"symbol\":\"ACME\",\"side\":\"BUY\",\"price\":1.234,\"quantity\":1} | was 1.234",
        "{\"symbol\":\"ACME\",\"side\":\"BUY\",\"quantity\":1}        | (for example 101.25), was missing",
        "{\"symbol\":\"ACME\",\"side\":\"BUY\",\"price\":1,\"quantity\":0} | quantity must be a whole number from 1 to 1000000000, was 0",
        "{\"symbol\":\"ACME\",\"side\":\"BUY\",\"price\":1,\"quantity\":1.5} | was 1.5",
    })
    void anythingThatIsNotAnOrderGets400WithAMessage(String body, String message) {
        SampleClient.Response response = client.post("/orders", body);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains(message);
    }

    @Test
    void aBadQueryGets400WithAMessageAndAnUnknownOrder404() {
        assertThat(client.get("/orders/abc").json().get("detail").asString())
                .isEqualTo("'id' must be a whole number, was 'abc'");
        assertThat(client.get("/trades?limit=0").json().get("detail").asString())
                .isEqualTo("limit must be from 1 to 1000, was 0");
        SampleClient.Response unknown = client.get("/orders/999999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).startsWith("No order 999999999 yet");
        assertThat(client.get("/books/NOPE").status()).isEqualTo(404);
    }

    @Test
    void actuatorShowsTheRingAndHealthStatusesButNoDetailsOrJvmVersionToAnonymousCallers() {
        JsonNode ring = client.get("/actuator/disruptor/orders").json();
        assertThat(ring.get("ringSize").asInt()).isEqualTo(4096);
        assertThat(ring.get("handlers").findValuesAsString("name")).containsExactlyInAnyOrder(
                "orderJournal", "orderValidator.validate", "matchingEngine", "orderResults.publish");

        JsonNode health = client.get("/actuator/health").json();
        assertThat(health.at("/components/disruptor/components/orders/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/journal/status").asString()).isEqualTo("UP");
        assertThat(health.findValues("details")).as("health details shown to an anonymous caller: " + health).isEmpty();

        String prometheus = client.get("/actuator/prometheus").body();
        assertThat(prometheus)
                .contains("disruptor_handler_lag{handler=\"matchingEngine\",ring=\"orders\",stage=\"1\"}")
                .doesNotContain("jvm_info").doesNotContain(System.getProperty("java.runtime.version"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`{\"symbol\":\"ACME\",\"side\":\"BUY\",\"price\":1,\"quantity\":1e900000000}` | quantity | was 1E+900000000",
        "`{\"symbol\":\"ACME\",\"side\":\"BUY\",\"price\":1,\"quantity\":1e10000000}`  | quantity | was 1E+10000000",
        "`{\"symbol\":\"ACME\",\"side\":\"BUY\",\"price\":1E-2147483647,\"quantity\":1}` | price | was 1E-2147483647",
        "`{\"symbol\":\"ACME\",\"side\":\"BUY\",\"price\":1E-2147483648,\"quantity\":1}` | price | price must be a number",
        "`{\"symbol\":\"ACME\",\"side\":\"BUY\",\"price\":1,\"quantity\":123456789012345678901234567890123456789012345678901234567890}` | quantity | was 12345678901234567890123",
        "`{\"symbol\":\"ACME\",\"side\":\"BUY\",\"price\":1,\"quantity\":\"10\"}`     | quantity | quantity must be a JSON number (for example 10), not a string",
        "`{\"symbol\":\"ACME\",\"side\":\"BUY\",\"price\":\"101.25\",\"quantity\":1}` | price | price must be a JSON number (for example 101.25), not a string",
        "`{\"symbol\":\"ACME\",\"side\":7,\"price\":1,\"quantity\":1}`                   | side | side must be BUY or SELL, was '7'",
    })
    void aBadNumberGetsAShortProblemDetailNamingTheFieldAndLeavesTheAppHealthy(String body, String field,
            String message) {
        SampleClient.Response response = client.post("/orders", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.json().at("/errors/0/pointer").asString()).isEqualTo("#/" + field);
        assertThat(response.json().get("detail").asString()).contains(message);
        assertThat(response.body().length()).as("the answer's size").isLessThan(1024);
        assertThat(response.elapsed()).as("the time to answer").isLessThan(Duration.ofSeconds(2));
        assertHealthy();
    }

    @Test
    void aLongSymbolIsEchoedOnlyAsAShortPrefix() {
        String symbol = "A".repeat(10_000);

        SampleClient.Response response = client.post("/orders", SampleClient.order(symbol, "BUY", "1", 1));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/errors/0/pointer").asString()).isEqualTo("#/symbol");
        assertThat(response.json().get("detail").asString()).contains("was 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA…' (10000 characters)");
        assertThat(response.body().length()).isLessThan(1024);
        assertHealthy();
    }

    /**
     * A client that announces 25 MB, and one that streams a body without a length (chunked): each sends 64 KB and
     * reads the answer, which comes after at most 16 KB were read.
     */
    @Test
    void aBodyAboveTheRequestSizeLimitIsRefusedWith413BeforeItIsRead() {
        SampleClient.Response announced = client.postUnfinished("/orders", "Content-Length: " + 25 * 1024 * 1024, 65_536);
        SampleClient.Response streamed = client.postUnfinished("/orders", "Transfer-Encoding: chunked", 65_536);

        assertThat(announced.json().get("detail").asString()).startsWith("The request body (26214400 bytes)");
        assertThat(streamed.json().get("detail").asString()).startsWith("The request body (more than 16384 bytes");
        for (SampleClient.Response response : List.of(announced, streamed)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(413);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.json().get("detail").asString())
                    .contains("is larger than 16KB (sample.http.max-request-size)");
        }
        assertHealthy();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheSameOrderAndPlacesNothingNew() {
        String order = SampleClient.order("INITECH", "BUY", "1.23", 7);

        SampleClient.Response first = client.post("/orders", order, "Idempotency-Key", "retry-me-1");
        SampleClient.Response retry = client.post("/orders", order, "Idempotency-Key", "retry-me-1");

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        client.awaitOrder(first.json().get("id").asLong());
        JsonNode level = client.get("/books/INITECH").json().at("/bids/0");
        assertThat(level.get("price").decimalValue()).isEqualByComparingTo("1.23");
        assertThat(level.get("orders").asInt()).as("orders resting at 1.23").isEqualTo(1);
        assertThat(level.get("quantity").asLong()).isEqualTo(7);
    }

    @Test
    void anIdempotencyKeyReusedForAnotherOrderGets422NamingTheFirstOrder() {
        long first = client.post("/orders", SampleClient.order("INITECH", "SELL", "900.00", 3),
                "Idempotency-Key", "reused-key").json().get("id").asLong();

        SampleClient.Response reused = client.post("/orders", SampleClient.order("INITECH", "SELL", "900.00", 4),
                "Idempotency-Key", "reused-key");

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("detail").asString())
                .contains("Idempotency-Key 'reused-key'").contains("order " + first).contains("quantity");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a,b", "has space", "0123456789012345678901234567890123456789012345678901234567890123456789"})
    void aMalformedIdempotencyKeyGets400NamingTheHeader(String key) {
        SampleClient.Response response = client.post("/orders", SampleClient.order("ACME", "BUY", "1", 1),
                "Idempotency-Key", key);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).startsWith("Idempotency-Key must be 1 to 64 characters");
    }

    @Test
    void anOrderPushedOutOfTheReadModelIsReportedAsEvictedNotAsNotYetThere() {
        long oldest = client.place("GLOBEX", "SELL", "999.00", 1);
        long newest = oldest;
        for (int i = 0; i < MAX_ORDERS; i++) {
            newest = client.place("GLOBEX", "SELL", "999.00", 1);
        }
        client.awaitOrder(newest);

        SampleClient.Response evicted = client.get("/orders/" + oldest);

        assertThat(evicted.status()).isEqualTo(404);
        assertThat(evicted.json().get("detail").asString()).isEqualTo("Order " + oldest + " is older than the latest "
                + MAX_ORDERS + " orders the read model keeps (sample.read-model.max-orders), so it is no longer shown");
    }

    private void assertHealthy() {
        assertThat(client.get("/actuator/health").json().get("status").asString()).as("health afterwards").isEqualTo("UP");
    }
}
