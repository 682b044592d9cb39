package io.github.disruptor.sample;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;

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

    /** The first thing to try, printed where a newcomer is looking. */
    @EventListener
    void ready(ApplicationReadyEvent event) {
        String base = "http://localhost:" + event.getApplicationContext().getEnvironment()
                .getProperty("local.server.port", "8080");
        logger.info("Ready. Place an order: curl -i -H 'Content-Type: application/json' -d '"
                + ApiErrors.ORDER_FORMAT + "' " + base + "/orders ; then: curl " + base + "/trades ; "
                + "ring and lag per handler: curl " + base + "/actuator/disruptor");
    }
}
