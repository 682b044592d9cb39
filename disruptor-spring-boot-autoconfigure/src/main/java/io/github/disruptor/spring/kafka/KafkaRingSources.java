package io.github.disruptor.spring.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.ResolvableType;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.DisruptorState;
import io.github.disruptor.spring.DisruptorRegistry;
import io.github.disruptor.spring.autoconfigure.DisruptorConfigurationException;
import io.github.disruptor.spring.kafka.DisruptorKafkaProperties.PoisonRecordPolicy;

/**
 * The Kafka sources of every Kafka-fed ring, and their lifecycle.
 *
 * <p>Built at startup from {@code disruptor.rings.<name>.kafka.*}; every inconsistency (a ring that does not
 * exist, no translator or several, no group id, no consumer factory, a drain timeout longer than the poll
 * interval) fails startup with a report that names the property. It depends on no ring bean, so handlers such
 * as {@link ExactlyOnceKafkaHandler} can take their source from it while the rings are being built.
 *
 * <p>Its phase is one above the rings': the consumers start after the rings run and stop, draining what
 * they put into the rings and committing it, before the rings stop. A context that is stopped and started
 * again (as test contexts are) stops and restarts the consumers with it.
 */
public final class KafkaRingSources implements SmartLifecycle, DisposableBean {

    private static final Log logger = LogFactory.getLog(KafkaRingSources.class);

    private final Map<String, KafkaRingSource> sources = new LinkedHashMap<>();
    private final Map<String, String> translatorBeans = new HashMap<>();
    private final Map<String, DeadLetterPublisher> deadLetters = new HashMap<>();
    private final ConfigurableListableBeanFactory beanFactory;
    private final DisruptorRegistry registry;
    private final List<KafkaPartitionListener> listeners;
    private final int phase;
    private volatile boolean running;

    KafkaRingSources(DisruptorKafkaProperties properties, ConfigurableListableBeanFactory beanFactory,
            DisruptorRegistry registry, @Nullable ConsumerFactory<Object, Object> consumerFactory,
            @Nullable ProducerFactory<Object, Object> producerFactory, List<KafkaPartitionListener> listeners, int phase) {
        this.beanFactory = beanFactory;
        this.registry = registry;
        this.listeners = List.copyOf(listeners);
        this.phase = phase;
        for (KafkaRingSettings settings : KafkaRingSettings.of(properties)) {
            Class<?> eventType = ringEventType(settings);
            translatorBeans.put(settings.ring(), translatorBean(settings, eventType));
            if (consumerFactory == null) {
                throw new DisruptorConfigurationException("Ring '" + settings.ring() + "' reads from Kafka ("
                        + settings.property("topics") + "=" + settings.topics() + ") but there is no ConsumerFactory bean.",
                        "Add spring-boot-starter-kafka (it configures one from spring.kafka.*), or declare a ConsumerFactory bean.");
            }
            String groupId = groupId(settings, consumerFactory);
            checkDrainFitsPollInterval(settings, consumerFactory);
            if (settings.onPoisonRecord() == PoisonRecordPolicy.DEAD_LETTER) {
                if (producerFactory == null) {
                    throw new DisruptorConfigurationException("Ring '" + settings.ring() + "' sends poison records to a "
                            + "dead-letter topic (" + settings.property("on-poison-record") + "=dead-letter, the default) "
                            + "but there is no ProducerFactory bean.", "Add spring-boot-starter-kafka, declare a "
                            + "ProducerFactory bean, or set " + settings.property("on-poison-record") + "=halt.");
                }
                deadLetters.put(settings.ring(), new DeadLetterPublisher(producerFactory, settings));
            }
            ConsumerFactory<Object, Object> consumers = consumerFactory;
            sources.put(settings.ring(), new KafkaRingSource(settings, groupId, bootstrapServers(settings, consumerFactory),
                    (source, ring) -> newFeed(source, ring, consumers)));
        }
    }

    /** The Kafka source of {@code ring}. */
    public Optional<KafkaRingSource> find(String ring) {
        return Optional.ofNullable(sources.get(ring));
    }

    /**
     * The Kafka source of {@code ring}.
     *
     * @throws IllegalArgumentException if the ring is not Kafka-fed
     */
    public KafkaRingSource source(String ring) {
        KafkaRingSource source = sources.get(ring);
        if (source == null) {
            throw new IllegalArgumentException("Ring '" + ring + "' has no Kafka source; Kafka-fed rings: "
                    + sources.keySet() + ". Set disruptor.rings." + ring + ".kafka.topics to feed it from Kafka.");
        }
        return source;
    }

    /** Every Kafka source, in configuration order. */
    public Collection<KafkaRingSource> sources() {
        return List.copyOf(sources.values());
    }

    @Override
    public void start() {
        for (KafkaRingSource source : sources.values()) {
            if (source.settings().autoStartup()) {
                start(source);
            }
        }
        running = true;
    }

    /** Starts the consumer of one source, for example one with {@code auto-startup=false}. */
    public void start(KafkaRingSource source) {
        @SuppressWarnings("unchecked")
        Disruptor<Object> ring = (Disruptor<Object>) registry.find(source.ring())
                .orElseGet(() -> beanFactory.getBean(source.ring(), Disruptor.class));
        DisruptorState state = ring.monitor().state();
        if (state != DisruptorState.RUNNING) {
            throw new IllegalStateException("The Kafka source of ring '" + source.ring() + "' cannot start: the ring is "
                    + state + "; it must be running, so that what the consumer takes from Kafka gets handled");
        }
        source.start(ring);
    }

    @Override
    public void stop() {
        stop(() -> { });
    }

    /** Stops every consumer at once; {@code callback} runs when the last has left its group. */
    @Override
    public void stop(Runnable callback) {
        running = false;
        List<KafkaRingSource> stopping = new ArrayList<>(sources.values());
        AtomicInteger left = new AtomicInteger(stopping.size());
        if (stopping.isEmpty()) {
            callback.run();
            return;
        }
        for (KafkaRingSource source : stopping) {
            source.stop(() -> {
                if (left.decrementAndGet() == 0) {
                    callback.run();
                }
            });
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return phase;
    }

    /** The context closes without having started, or after a failed start: no consumer outlives it. */
    @Override
    public void destroy() {
        stop();
        for (KafkaRingSource source : sources.values()) {
            source.awaitStopped(source.settings().drainTimeout().plus(Duration.ofSeconds(5)));
        }
        deadLetters.values().forEach(DeadLetterPublisher::close);
    }

    // ---------------------------------------------------------------- building

    @SuppressWarnings("unchecked")
    private RingFeed newFeed(KafkaRingSource source, Disruptor<Object> ring, ConsumerFactory<Object, Object> consumerFactory) {
        KafkaRingSettings settings = source.settings();
        Properties overrides = new Properties();
        overrides.putAll(settings.consumerProperties());
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        logger.info("Ring '" + source.ring() + "' reads topics " + settings.topics() + " as group " + source.groupId()
                + (settings.consumerProperties().isEmpty() ? "" : " with consumer properties " + settings.consumerProperties()));
        KafkaRecordTranslator<Object, Object, Object> translator = beanFactory.getBean(
                translatorBeans.get(source.ring()), KafkaRecordTranslator.class);
        return new RingFeed(source, ring,
                consumerFactory.createConsumer(source.groupId(), "disruptor-" + source.ring(), null, overrides),
                translator, listeners, deadLetters.get(source.ring()));
    }

    private Class<?> ringEventType(KafkaRingSettings settings) {
        String ring = settings.ring();
        if (!beanFactory.containsBeanDefinition(ring)
                || !Disruptor.class.isAssignableFrom(beanFactory.getMergedBeanDefinition(ring).getResolvableType().toClass())) {
            throw new DisruptorConfigurationException(settings.property("topics") + " is set but there is no ring '"
                    + ring + "': no @DisruptorHandler names it.", "Declare a handler with @DisruptorHandler(ring = \""
                    + ring + "\"), or remove disruptor.rings." + ring + ".kafka.");
        }
        return beanFactory.getMergedBeanDefinition(ring).getResolvableType().as(Disruptor.class).getGeneric(0)
                .resolve(Object.class);
    }

    /** The bean name of the ring's translator: the one named, else the only one whose event type fits. */
    private String translatorBean(KafkaRingSettings settings, Class<?> eventType) {
        String[] all = beanFactory.getBeanNamesForType(KafkaRecordTranslator.class);
        String wanted = "KafkaRecordTranslator<" + eventType.getSimpleName() + ", K, V>";
        if (settings.translator() != null) {
            if (!Arrays.asList(all).contains(settings.translator())) {
                throw new DisruptorConfigurationException("Invalid value '" + settings.translator() + "' for "
                        + settings.property("translator") + ": there is no KafkaRecordTranslator bean of that name.",
                        "Set it to one of " + Arrays.toString(all) + ", or declare a " + wanted + " bean named '"
                                + settings.translator() + "'.");
            }
            return settings.translator();
        }
        List<String> fitting = Arrays.stream(all).filter(name -> {
            Class<?> translated = beanFactory.getMergedBeanDefinition(name).getResolvableType()
                    .as(KafkaRecordTranslator.class).getGeneric(0).resolve();
            return translated == null || translated.isAssignableFrom(eventType);
        }).toList();
        if (fitting.size() != 1) {
            throw new DisruptorConfigurationException("Ring '" + settings.ring() + "' reads from Kafka ("
                    + settings.property("topics") + "=" + settings.topics() + ") and needs one " + wanted + " bean to turn "
                    + "records into its " + eventType.getName() + " events; "
                    + (fitting.isEmpty() ? "there is none." : "there are " + fitting.size() + ": " + fitting + "."),
                    fitting.isEmpty() ? "Declare a " + wanted + " bean."
                            : "Set " + settings.property("translator") + " to one of " + fitting + ".");
        }
        return fitting.get(0);
    }

    private static String groupId(KafkaRingSettings settings, ConsumerFactory<Object, Object> consumerFactory) {
        Object groupId = settings.groupId() != null ? settings.groupId()
                : configuration(consumerFactory).get(ConsumerConfig.GROUP_ID_CONFIG);
        if (groupId == null || groupId.toString().isBlank()) {
            throw new DisruptorConfigurationException("Ring '" + settings.ring() + "' reads from Kafka but has no "
                    + "consumer group: neither " + settings.property("group-id") + " nor spring.kafka.consumer.group-id is set.",
                    "Set " + settings.property("group-id") + " (or disruptor.defaults.kafka.group-id, or "
                            + "spring.kafka.consumer.group-id) to the group its instances share.");
        }
        return groupId.toString();
    }

    /**
     * A revocation drains inside the rebalance, which the group waits for at most max.poll.interval.ms: a
     * longer drain would get the member evicted while it drains.
     */
    private static void checkDrainFitsPollInterval(KafkaRingSettings settings, ConsumerFactory<Object, Object> consumerFactory) {
        Map<String, Object> effective = new HashMap<>(configuration(consumerFactory));
        effective.putAll(settings.consumerProperties());
        Object configured = effective.get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG);
        long pollInterval = configured != null ? Long.parseLong(configured.toString().trim()) : 300_000L;
        if (settings.drainTimeout().toMillis() >= pollInterval) {
            throw new DisruptorConfigurationException("Invalid value " + settings.drainTimeout() + " for "
                    + settings.property("drain-timeout") + ": a drain runs inside a rebalance, which the group waits for "
                    + "at most max.poll.interval.ms (" + pollInterval + " ms), so it must be shorter.",
                    "Set " + settings.property("drain-timeout") + " below " + pollInterval + "ms, or raise "
                            + settings.property("properties") + ".max.poll.interval.ms.");
        }
    }

    private static String bootstrapServers(KafkaRingSettings settings, ConsumerFactory<Object, Object> consumerFactory) {
        Object servers = settings.consumerProperties().get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
        if (servers == null) {
            servers = configuration(consumerFactory).get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
        }
        return servers == null ? "(not set)" : servers.toString().replaceAll("[\\[\\]]", "");
    }

    private static Map<String, Object> configuration(ConsumerFactory<Object, Object> consumerFactory) {
        try {
            return consumerFactory.getConfigurationProperties();
        } catch (UnsupportedOperationException notExposed) {
            return Map.of();
        }
    }

    @Override
    public String toString() {
        return "Kafka sources of rings " + sources.keySet();
    }
}
