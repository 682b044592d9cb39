package io.github.disruptor.spring.actuate;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import io.github.disruptor.core.Disruptor;
import io.github.disruptor.spring.DisruptorRegistry;
import io.github.disruptor.spring.actuate.TestRings.Slot;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = ActuatorTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { ActuatorTestApplication.EXPOSE_ACTUATOR, ActuatorTestApplication.SHOW_HEALTH_DETAILS })
class DisruptorActuatorWebTests {

    @LocalServerPort
    private int port;

    @Autowired
    private DisruptorRegistry registry;

    @Test
    void endpointListsEveryRing() throws Exception {
        HttpResponse<String> response = ActuatorTestApplication.get(port, "/actuator/disruptor");

        assertThat(response.statusCode()).isEqualTo(200);
        String json = response.body();
        assertThat(JsonPath.<Map<String, Object>>read(json, "$.rings")).containsOnlyKeys("orders", "payments");
        assertThat(JsonPath.<Integer>read(json, "$.rings.orders.ringSize")).isEqualTo(1024);
        assertThat(JsonPath.<String>read(json, "$.rings.orders.sequencer")).isEqualTo("single");
        assertThat(JsonPath.<String>read(json, "$.rings.orders.waitStrategy")).isEqualTo("sleeping");
        assertThat(JsonPath.<String>read(json, "$.rings.orders.state")).isEqualTo("RUNNING");
        assertThat(JsonPath.<List<String>>read(json, "$.rings.orders.handlers[*].name"))
                .containsExactly("journal", "replicate", "business");
        assertThat(JsonPath.<List<Integer>>read(json, "$.rings.orders.handlers[*].stage")).containsExactly(0, 0, 1);
        assertThat(JsonPath.<String>read(json, "$.rings.payments.sequencer")).isEqualTo("multi");
        assertThat(JsonPath.<Map<String, Object>>read(json, "$.rings.orders")).containsOnlyKeys("ringSize",
                "sequencer", "waitStrategy", "cursor", "remainingCapacity", "state", "rejectedPublishes",
                "concurrentClaims", "handlers");
        assertThat(JsonPath.<Map<String, Object>>read(json, "$.rings.orders.handlers[0]")).containsOnlyKeys("name",
                "stage", "concurrency", "sequence", "lag", "state", "errorCount", "retryCount", "discardedCount",
                "threadAlive", "shards");
    }

    @Test
    void endpointDescribesOneRingAndAnswers404ForAnUnknownOne() throws Exception {
        Disruptor<Slot> orders = ActuatorTestApplication.ring(registry, "orders");
        TestRings.publish(orders, 5, -6);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> orders.monitor().handlers().stream().allMatch(handler -> handler.lag() == 0));

        HttpResponse<String> response = ActuatorTestApplication.get(port, "/actuator/disruptor/orders");

        assertThat(response.statusCode()).isEqualTo(200);
        long cursor = orders.monitor().cursor();
        assertThat(JsonPath.<Number>read(response.body(), "$.cursor").longValue()).isEqualTo(cursor);
        assertThat(JsonPath.<Number>read(response.body(), "$.remainingCapacity").longValue()).isEqualTo(1024);
        assertThat(JsonPath.<List<Number>>read(response.body(), "$.handlers[*].sequence"))
                .allSatisfy(sequence -> assertThat(sequence.longValue()).isEqualTo(cursor));
        assertThat(JsonPath.<List<Number>>read(response.body(), "$.handlers[*].lag"))
                .allSatisfy(lag -> assertThat(lag.longValue()).isZero());
        assertThat(JsonPath.<Number>read(response.body(), "$.handlers[1].errorCount").longValue()).isPositive();
        assertThat(ActuatorTestApplication.get(port, "/actuator/disruptor/unknown").statusCode()).isEqualTo(404);
    }

    @Test
    void healthHasOneUpComponentPerRingWithLagAndRemainingCapacity() throws Exception {
        HttpResponse<String> response = ActuatorTestApplication.get(port, "/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        String json = response.body();
        assertThat(JsonPath.<String>read(json, "$.components.disruptor.status")).isEqualTo("UP");
        assertThat(JsonPath.<Map<String, Object>>read(json, "$.components.disruptor.components"))
                .containsOnlyKeys("orders", "payments");
        assertThat(JsonPath.<Number>read(json, "$.components.disruptor.components.orders.details.remainingCapacity")
                .longValue()).isPositive();
        assertThat(JsonPath.<Map<String, Object>>read(json,
                "$.components.disruptor.components.orders.details.handlers.business"))
                .containsEntry("stage", 1).containsEntry("state", "RUNNING").containsKey("lag");
    }

    @Test
    void prometheusScrapeHasEveryMeterUnderItsDocumentedName() throws Exception {
        Disruptor<Slot> orders = ActuatorTestApplication.ring(registry, "orders");
        TestRings.publish(orders, 1, 2, 3);
        long published = orders.monitor().cursor() + 1;

        await().atMost(Duration.ofSeconds(10)).until(() -> sample(scrape(),
                "disruptor_events_processed_total{handler=\"business\",ring=\"orders\"}") == published);
        String scrape = scrape();

        assertThat(sample(scrape, "disruptor_events_published_total{ring=\"orders\"}")).isEqualTo(published);
        assertThat(sample(scrape, "disruptor_ring_capacity{ring=\"orders\"}")).isEqualTo(1024);
        assertThat(sample(scrape, "disruptor_ring_remaining{ring=\"orders\"}")).isEqualTo(1024);
        assertThat(sample(scrape, "disruptor_publish_rejected_total{ring=\"orders\"}")).isZero();
        assertThat(sample(scrape, "disruptor_handler_lag{handler=\"journal\",ring=\"orders\",stage=\"0\"}")).isZero();
        assertThat(sample(scrape, "disruptor_handler_lag{handler=\"business\",ring=\"orders\",stage=\"1\"}")).isZero();
        assertThat(sample(scrape, "disruptor_events_processed_total{handler=\"journal\",ring=\"orders\"}"))
                .isEqualTo(published);
        assertThat(sample(scrape, "disruptor_handler_errors_total{handler=\"journal\",ring=\"orders\"}")).isZero();
        assertThat(sample(scrape, "disruptor_handler_retries_total{handler=\"replicate\",ring=\"orders\"}")).isZero();
        assertThat(sample(scrape, "disruptor_handler_discarded_total{handler=\"replicate\",ring=\"orders\"}")).isZero();
        assertThat(sample(scrape, "disruptor_publish_concurrent_claims_total{ring=\"orders\"}")).isZero();
        assertThat(sample(scrape, "disruptor_handler_lag{handler=\"validator\",ring=\"payments\",stage=\"0\"}"))
                .isZero();
        assertThat(scrape).contains("# TYPE disruptor_events_published_total counter",
                "# TYPE disruptor_handler_lag gauge", "# TYPE disruptor_handler_errors_total counter");
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = ActuatorTestApplication.get(port, "/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The value of the sample {@code series} (name and labels exactly as scraped); fails if absent. */
    private static long sample(String scrape, String series) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        assertThat(matcher.find()).as("series %s in the scrape:%n%s", series, scrape).isTrue();
        return (long) Double.parseDouble(matcher.group(1));
    }
}
