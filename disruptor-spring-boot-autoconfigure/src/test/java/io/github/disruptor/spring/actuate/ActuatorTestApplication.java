package io.github.disruptor.spring.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.spring.DisruptorRegistry;
import io.github.disruptor.spring.actuate.TestRings.Slot;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A web application with Actuator and two rings registered by hand: {@code orders}, a two-stage
 * pipeline, and {@code payments}, whose handler halts on a negative value. The rings are registered
 * by the test, so the Spring layer's own ring auto-configuration is left out.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = "io.github.disruptor.spring.autoconfigure.DisruptorAutoConfiguration")
class ActuatorTestApplication {

    static final String EXPOSE_ACTUATOR = "management.endpoints.web.exposure.include=health,disruptor,prometheus";
    static final String SHOW_HEALTH_DETAILS = "management.endpoint.health.show-details=always";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Bean
    DisruptorRegistry disruptorRegistry() {
        return new DisruptorRegistry();
    }

    @Bean
    TestRings testRings(DisruptorRegistry disruptorRegistry) {
        return TestRings.startAndRegister(disruptorRegistry, TestRings.pipeline("orders"),
                TestRings.haltingOnNegative("payments"));
    }

    @SuppressWarnings("unchecked")
    static Disruptor<Slot> ring(DisruptorRegistry registry, String name) {
        return (Disruptor<Slot>) registry.find(name).orElseThrow();
    }

    /** GETs {@code path} from the server on {@code port}, with a timeout. */
    static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
