package io.github.disruptor.spring.actuate;

import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.github.disruptor.spring.DisruptorRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Halts a handler, so it leaves its application context dirty. */
@SpringBootTest(classes = ActuatorTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { ActuatorTestApplication.EXPOSE_ACTUATOR, ActuatorTestApplication.SHOW_HEALTH_DETAILS })
@DirtiesContext
class DisruptorHealthDownWebTests {

    @LocalServerPort
    private int port;

    @Autowired
    private DisruptorRegistry registry;

    @Test
    void healthIsDownOnceAHandlerHalts() throws Exception {
        assertThat(ActuatorTestApplication.get(port, "/actuator/health").statusCode()).isEqualTo(200);

        TestRings.publish(ActuatorTestApplication.ring(registry, "payments"), 10, -20);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> ActuatorTestApplication.get(port, "/actuator/health").statusCode() == 503);
        String json = ActuatorTestApplication.get(port, "/actuator/health").body();
        assertThat(JsonPath.<String>read(json, "$.status")).isEqualTo("DOWN");
        assertThat(JsonPath.<String>read(json, "$.components.disruptor.status")).isEqualTo("DOWN");
        assertThat(JsonPath.<String>read(json, "$.components.disruptor.components.orders.status")).isEqualTo("UP");
        assertThat(JsonPath.<String>read(json, "$.components.disruptor.components.payments.status")).isEqualTo("DOWN");
        assertThat(JsonPath.<List<String>>read(json, "$.components.disruptor.components.payments.details.problems"))
                .containsExactly("handler 'validator' halted before sequence 1 after 1 error(s); see the log");
        assertThat(JsonPath.<String>read(json,
                "$.components.disruptor.components.payments.details.handlers.validator.state")).isEqualTo("HALTED");
    }
}
