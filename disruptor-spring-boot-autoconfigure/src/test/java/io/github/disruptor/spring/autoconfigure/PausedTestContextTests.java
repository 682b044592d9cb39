package io.github.disruptor.spring.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.DisruptorState;
import io.github.disruptor.core.EventPublisher;
import io.github.disruptor.spring.DisruptorHandler;
import io.github.disruptor.spring.DisruptorRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test suite as teams write them: test classes with different configurations in one JVM. Spring
 * Framework 7 keeps each context in its cache and pauses it ({@code spring.test.context.cache.pause},
 * by default {@code on_context_switch}) when a test class needs another context; it restarts the paused
 * context for the next test class that uses it. The rings of the paused context stop with it and run
 * again, behind the same beans, when it comes back, and the web application publishes into them again.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class PausedTestContextTests {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static ConfigurableApplicationContext firstContext;

    @Nested
    @Order(1)
    @SpringBootTest(classes = Shop.class, webEnvironment = WebEnvironment.RANDOM_PORT)
    class FirstConfiguration {

        @Autowired
        ConfigurableApplicationContext context;

        @Test
        void placesAnOrderOverHttp() throws Exception {
            firstContext = context;
            assertThat(post(context, 1).statusCode()).isEqualTo(200);
            assertThat(registry(context).awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(context.getBean(Settlement.class).settled.get()).isEqualTo(1);
        }
    }

    @Nested
    @Order(2)
    @SpringBootTest(classes = Shop.class, webEnvironment = WebEnvironment.RANDOM_PORT,
            properties = "disruptor.rings.orders.ring-size=128")
    class AnotherConfiguration {

        @Autowired
        ConfigurableApplicationContext context;

        @Test
        void runsItsOwnRingsWhileTheFirstContextIsPaused() throws Exception {
            assertThat(context).isNotSameAs(firstContext);
            assertThat(firstContext.isRunning()).as("the first context is paused").isFalse();
            assertThat(orders(firstContext).monitor().state()).isEqualTo(DisruptorState.STOPPED);
            assertThat(orders(firstContext).monitor().handlers()).noneMatch(handler -> handler.isThreadAlive());
            assertThat(orders(context).monitor().ringSize()).isEqualTo(128);
            assertThat(post(context, 2).statusCode()).isEqualTo(200);
        }
    }

    @Nested
    @Order(3)
    @SpringBootTest(classes = Shop.class, webEnvironment = WebEnvironment.RANDOM_PORT)
    class FirstConfigurationAgain {

        @Autowired
        ConfigurableApplicationContext context;

        @Test
        void theResumedContextsRingsHandleWhatItsControllerPublishes() throws Exception {
            assertThat(context).as("the cached first context, resumed").isSameAs(firstContext);
            assertThat(orders(context).monitor().state()).isEqualTo(DisruptorState.RUNNING);

            assertThat(post(context, 3).statusCode()).isEqualTo(200);

            assertThat(registry(context).awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(context.getBean(Settlement.class).settled.get()).isEqualTo(2);
            assertThat(orders(context).monitor().handlers().get(0).sequence()).isEqualTo(1);
        }
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext context, long id)
            throws IOException, InterruptedException {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/orders?id=" + id))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static DisruptorRegistry registry(ConfigurableApplicationContext context) {
        return context.getBean(DisruptorRegistry.class);
    }

    private static Disruptor<?> orders(ConfigurableApplicationContext context) {
        return context.getBean("orders", Disruptor.class);
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(OrderController.class)
    static class Shop {

        @Bean
        Settlement settlement() {
            return new Settlement();
        }
    }

    /** The ring's only handler. */
    static class Settlement {

        final AtomicLong settled = new AtomicLong();

        @DisruptorHandler(ring = "orders")
        void settle(OrderEvent order) {
            settled.incrementAndGet();
        }
    }

    @RestController
    static class OrderController {

        private final EventPublisher<OrderEvent> orders;

        OrderController(EventPublisher<OrderEvent> orders) {
            this.orders = orders;
        }

        @PostMapping("/orders")
        ResponseEntity<String> place(@RequestParam long id) {
            orders.publish(OrderEvent::setId, id);
            return ResponseEntity.ok("placed " + id);
        }
    }
}
