package io.github.disruptor.sample;

import java.nio.file.Path;

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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class OrderApiTest {

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
        "{\"symbol\":\"ACME\",\"side\":\"BUY\",\"price\":\"abc\",\"quantity\":1} | field 'price'",
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
    void actuatorShowsTheRingItsHealthAndItsMetrics() {
        JsonNode ring = client.get("/actuator/disruptor/orders").json();
        assertThat(ring.get("ringSize").asInt()).isEqualTo(4096);
        assertThat(ring.get("handlers").findValuesAsString("name")).containsExactlyInAnyOrder(
                "orderJournal", "orderValidator.validate", "matchingEngine", "orderResults.publish");

        JsonNode health = client.get("/actuator/health").json();
        assertThat(health.at("/components/disruptor/components/orders/status").asString()).isEqualTo("UP");

        assertThat(client.get("/actuator/prometheus").body())
                .contains("disruptor_handler_lag{handler=\"matchingEngine\",ring=\"orders\",stage=\"1\"}");
    }

}
