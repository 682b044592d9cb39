package io.github.disruptor.spring.kafka;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.disruptor.spring.kafka.NumbersApplication.Gate;
import io.github.disruptor.spring.kafka.test.KafkaTestBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An application that starts while its broker is down (its bootstrap address refuses connections) reports the
 * consumer DOWN, says why, and consumes once the broker is there.
 */
@ExtendWith(OutputCaptureExtension.class)
class KafkaBrokerOutageTests {

    @Test
    void startsWithoutABrokerReportsItAndRecoversWhenItComes(CapturedOutput output) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (ConfigurableApplicationContext application = NumbersApplication.run("127.0.0.1:" + port,
                "disruptor.rings.numbers.kafka.topics=outage", "disruptor.rings.numbers.kafka.group-id=outage",
                "disruptor.rings.numbers.kafka.stuck-threshold=2s",
                "disruptor.rings.numbers.kafka.properties.reconnect.backoff.max.ms=500",
                "logging.level.org.apache.kafka.clients.NetworkClient=error")) {
            await().atMost(Duration.ofSeconds(15)).until(() -> health(application).getStatus().equals(Status.DOWN));
            assertThat(health(application).getDetails().get("reason").toString())
                    .contains("heard nothing from the cluster (group outage)")
                    .contains("127.0.0.1:" + port).contains("spring.kafka.bootstrap-servers");
            await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains("has heard nothing from the "
                    + "cluster (group outage) for more than PT2S; is the broker at 127.0.0.1:" + port));

            try (KafkaTestBroker broker = new KafkaTestBroker()) {
                broker.createTopic("outage", 1);
                broker.send(IntStream.range(0, 10).mapToObj(value -> new ProducerRecord<>("outage", 0, "k",
                        Integer.toString(value))).toList());
                assertThat(health(application).getStatus()).isEqualTo(Status.DOWN);
                // the broker's bootstrap address becomes reachable
                try (TcpForwarder bootstrap = new TcpForwarder(port, "127.0.0.1", broker.port())) {
                    Gate gate = application.getBean(Gate.class);
                    await().atMost(Duration.ofSeconds(30)).until(() -> gate.passed.size() == 10);
                    await().atMost(Duration.ofSeconds(10)).until(() -> health(application).getStatus().equals(Status.UP));
                    await().atMost(Duration.ofSeconds(10)).until(() -> broker.committed("outage", "outage").get(0) == 10);
                    await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut()
                            .contains("Resolved: The Kafka consumer of ring 'numbers' has heard nothing"));
                }
            }
        }
    }

    private static Health health(ConfigurableApplicationContext application) {
        CompositeHealthContributor contributor = application.getBean("disruptorKafkaHealthContributor",
                CompositeHealthContributor.class);
        return ((HealthIndicator) contributor.getContributor("numbers")).health();
    }

}
