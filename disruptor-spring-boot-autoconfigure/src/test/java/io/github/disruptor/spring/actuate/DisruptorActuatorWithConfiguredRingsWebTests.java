package io.github.disruptor.spring.actuate;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import io.github.disruptor.core.EventHandler;
import io.github.disruptor.core.EventPublisher;
import io.github.disruptor.spring.DisruptorHandler;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The actuate auto-configurations together with the Spring layer's own: a ring from configuration and
 * an annotated handler, built, registered and started by the starter, observed over real HTTP.
 */
@SpringBootTest(classes = DisruptorActuatorWithConfiguredRingsWebTests.GreetingApplication.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { ActuatorTestApplication.EXPOSE_ACTUATOR, ActuatorTestApplication.SHOW_HEALTH_DETAILS,
                "disruptor.rings.greetings.ring-size=64", "disruptor.rings.greetings.wait-strategy=blocking" })
class DisruptorActuatorWithConfiguredRingsWebTests {

    private static final Pattern PROCESSED =
            Pattern.compile("^disruptor_events_processed_total\\{handler=\"greeter\",ring=\"greetings\"} (\\S+)$",
                    Pattern.MULTILINE);

    @LocalServerPort
    private int port;

    @Autowired
    private EventPublisher<Greeting> greetings;

    @Test
    void endpointMetricsAndHealthSeeTheConfiguredRing() throws Exception {
        for (int i = 0; i < 10; i++) {
            greetings.publish((event, sequence) -> event.text = "hello " + sequence);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> processed() == 10);
        String ring = ActuatorTestApplication.get(port, "/actuator/disruptor/greetings").body();
        assertThat(JsonPath.<Integer>read(ring, "$.ringSize")).isEqualTo(64);
        assertThat(JsonPath.<String>read(ring, "$.waitStrategy")).isEqualTo("blocking");
        assertThat(JsonPath.<Integer>read(ring, "$.cursor")).isEqualTo(9);
        assertThat(JsonPath.<String>read(ring, "$.handlers[0].name")).isEqualTo("greeter");
        String health = ActuatorTestApplication.get(port, "/actuator/health").body();
        assertThat(JsonPath.<String>read(health, "$.components.disruptor.components.greetings.status"))
                .isEqualTo("UP");
    }

    private long processed() throws Exception {
        Matcher matcher = PROCESSED.matcher(ActuatorTestApplication.get(port, "/actuator/prometheus").body());
        return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : -1;
    }

    /** The event of the {@code greetings} ring. */
    public static class Greeting {
        String text;
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class GreetingApplication {

        @Bean
        @DisruptorHandler(ring = "greetings")
        EventHandler<Greeting> greeter() {
            return (event, sequence, endOfBatch) -> {
                if (event.text == null) {
                    throw new IllegalStateException("an event without text at sequence " + sequence);
                }
            };
        }
    }
}
