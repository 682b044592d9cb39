package io.github.disruptor.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates the Kafka mode's topics that do not exist yet, before the ring's consumer subscribes: the orders
 * topic, the trades topic (both with {@code sample.kafka.partitions}) and the orders' dead-letter topic, with
 * the broker's replication factor. It never changes an existing topic: adding partitions to the orders topic
 * would send a symbol's new orders to another partition than its old ones, away from its book. A broker that
 * cannot be reached is logged and the start goes on: the consumer keeps trying and health says so.
 */
final class KafkaTopicSetup implements InitializingBean {

    static final String DEAD_LETTER_TOPIC = "disruptor.rings." + PartitionedMatchingEngine.RING + ".kafka.dead-letter-topic";

    private static final Log logger = LogFactory.getLog(KafkaTopicSetup.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final KafkaAdmin admin;
    private final KafkaModeProperties kafka;
    private final String deadLetterTopic;

    KafkaTopicSetup(KafkaAdmin admin, KafkaModeProperties kafka, String deadLetterTopic) {
        this.admin = admin;
        this.kafka = kafka;
        this.deadLetterTopic = deadLetterTopic;
    }

    @Override
    public void afterPropertiesSet() throws InterruptedException {
        Admin client = Admin.create(admin.getConfigurationProperties());
        try {
            Set<String> existing = client.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : List.of(kafka.ordersTopic(), kafka.tradesTopic(), deadLetterTopic)) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, Optional.of(kafka.partitions()), Optional.empty()));
                }
            }
            create(client, missing);
            TopicDescription orders = client.describeTopics(List.of(kafka.ordersTopic())).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(kafka.ordersTopic());
            int partitions = orders.partitions().size();
            logger.info("Orders topic " + kafka.ordersTopic() + " has " + partitions + " partitions: up to " + partitions
                    + " instances of group " + kafka.groupId() + " share the matching"
                    + (partitions == kafka.partitions() ? "" : " (sample.kafka.partitions=" + kafka.partitions()
                            + " applies to topics the sample creates; it never adds partitions to an existing topic)"));
        } catch (ExecutionException | TimeoutException unreachable) {
            logger.warn("Could not check or create the topics " + List.of(kafka.ordersTopic(), kafka.tradesTopic(),
                    deadLetterTopic) + " at " + admin.getConfigurationProperties().get("bootstrap.servers") + " within "
                    + TIMEOUT.toSeconds() + " s (" + (unreachable instanceof TimeoutException ? "no answer" : unreachable.getCause())
                    + "). The application starts anyway; the orders consumer"
                    + " keeps trying (health disruptorKafka). A broker that creates topics on first use gives them its"
                    + " num.partitions, not sample.kafka.partitions");
        } finally {
            client.close(Duration.ZERO); // nothing left to wait for; an unreachable broker must not hold the start
        }
    }

    private static void create(Admin client, List<NewTopic> topics) throws InterruptedException, ExecutionException,
            TimeoutException {
        if (topics.isEmpty()) {
            return;
        }
        try {
            client.createTopics(topics).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            logger.info("Created topics " + topics.stream().map(NewTopic::name).toList());
        } catch (ExecutionException created) {
            if (!(created.getCause() instanceof TopicExistsException)) {
                throw created;
            }
            // another instance created it first
        }
    }
}
