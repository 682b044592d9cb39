package io.github.disruptor.sample;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.disruptor.spring.DisruptorHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A ring of 8 slots and a gate beside the matching engine that holds the first order: the ring fills
 * after 8 accepted orders, and the 9th is answered 503 with Retry-After instead of holding the request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {SampleApplication.class, FullRingTest.MatchingGate.class},
        properties = "disruptor.rings.orders.ring-size=" + FullRingTest.RING_SIZE)
@DirtiesContext
class FullRingTest {

    static final int RING_SIZE = 8;

    @TempDir
    static Path journal;

    @LocalServerPort
    int port;

    @Autowired
    MatchingGate gate;

    @DynamicPropertySource
    static void journalInTempDir(DynamicPropertyRegistry registry) {
        registry.add("sample.journal.directory", journal::toString);
    }

    @AfterEach
    void openGate() {
        gate.open.countDown();
    }

    @Test
    void aFullRingAnswers503WithRetryAfterAndAcceptsAgainOnceItDrains() throws InterruptedException {
        SampleClient client = new SampleClient(port);
        long last = 0;
        for (int i = 0; i < RING_SIZE; i++) {
            last = client.place("ACME", "BUY", "10.00", 1);
        }
        assertThat(gate.holding.await(10, TimeUnit.SECONDS)).as("the gate holds the first order").isTrue();

        SampleClient.Response refused = client.post("/orders", SampleClient.order("ACME", "BUY", "10.00", 1));

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.retryAfter()).isEqualTo("1");
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("the orders ring is full: the pipeline is behind; nothing was accepted");

        gate.open.countDown();
        client.awaitOrder(last);
        assertThat(client.post("/orders", SampleClient.order("ACME", "BUY", "10.00", 1)).status()).isEqualTo(202);
    }

    /** A stage-1 handler beside the matching engine that holds the ring's first order until the test opens it. */
    static class MatchingGate {

        final CountDownLatch holding = new CountDownLatch(1);
        final CountDownLatch open = new CountDownLatch(1);

        @DisruptorHandler(ring = "orders", stage = 1)
        void hold(OrderEvent order) throws InterruptedException {
            holding.countDown();
            if (!open.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        }
    }
}
