package io.github.disruptor.sample;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.DisruptorMonitor;
import io.github.disruptor.core.HandlerMonitor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * An exchange-style order pipeline on one multi-producer ring, {@code orders}:
 * <pre>
 * POST /orders ──► [ring] ──► stage 0: OrderJournal ∥ OrderValidator.validate
 *                              ──► stage 1: MatchingEngine (one thread, every order book)
 *                              ──► stage 2: OrderResults.publish ──► ReadModel ◄── GET /orders/{id}, GET /trades
 * </pre>
 */
@SpringBootApplication
@EnableConfigurationProperties(SampleProperties.class)
public class SampleApplication {

    private static final Log logger = LogFactory.getLog(SampleApplication.class);

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }

    /** What a newcomer needs once the application is up: the pipeline as built, and the first thing to try. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> startupGuide(Disruptor<OrderEvent> orders) {
        return event -> {
            DisruptorMonitor ring = orders.monitor();
            Map<Integer, String> stages = ring.handlers().stream().collect(Collectors.groupingBy(HandlerMonitor::stage,
                    TreeMap::new, Collectors.mapping(HandlerMonitor::name, Collectors.joining(", "))));
            String producer = ring.producerType().name().toLowerCase(Locale.ROOT);
            logger.info("Ring '" + ring.name() + "': " + ring.ringSize() + " slots, " + producer + " producer, "
                    + ring.waitStrategy() + " wait strategy, " + ring.state()
                    + stages.entrySet().stream().map(stage -> "; stage " + stage.getKey() + ": " + stage.getValue())
                            .collect(Collectors.joining()));
            String base = "http://localhost:" + event.getApplicationContext().getEnvironment()
                    .getProperty("local.server.port", "8080");
            logger.info("Ready. Place an order: curl -i -H 'Content-Type: application/json' -d '"
                    + ApiErrors.ORDER_FORMAT + "' " + base + "/orders ; then: curl " + base + "/trades ; "
                    + "ring and lag per handler: curl " + base + "/actuator/disruptor");
        };
    }
}
