package io.github.disruptor.spring.kafka;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.disruptor.core.EventHandler;
import io.github.disruptor.spring.DisruptorHandler;
import io.github.disruptor.spring.actuate.DisruptorEndpoint;
import io.github.disruptor.spring.actuate.DisruptorEndpointAutoConfiguration;
import io.github.disruptor.spring.autoconfigure.DisruptorAutoConfiguration;
import io.github.disruptor.spring.autoconfigure.DisruptorConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the Kafka bridge is configured and when it backs off, and the startup failures its configuration can
 * cause. No broker: consumers do not start ({@code auto-startup=false}).
 */
class DisruptorKafkaAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DisruptorAutoConfiguration.class, KafkaAutoConfiguration.class,
                    DisruptorKafkaAutoConfiguration.class, DisruptorKafkaObservabilityAutoConfiguration.class))
            .withUserConfiguration(NumbersRing.class)
            .withPropertyValues("disruptor.defaults.kafka.auto-startup=false", "spring.kafka.consumer.group-id=numbers");

    @Test
    void feedsARingThatNamesTopics() {
        runner.withPropertyValues("disruptor.rings.numbers.kafka.topics=in").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(KafkaRingSources.class);
            KafkaRingSource source = context.getBean(KafkaRingSources.class).source("numbers");
            assertThat(source.topics()).containsExactly("in");
            assertThat(source.groupId()).isEqualTo("numbers");
            assertThat(source.status().state()).isEqualTo(KafkaRingSourceStatus.State.STOPPED);
        });
    }

    @Test
    void aRingWithoutTopicsHasNoSource() {
        runner.run(context -> assertThat(context.getBean(KafkaRingSources.class).sources()).isEmpty());
    }

    @Test
    void backsOffWithoutSpringKafka() {
        runner.withPropertyValues("disruptor.rings.numbers.kafka.topics=in")
                .withClassLoader(new FilteredClassLoader("org.springframework.kafka", "org.apache.kafka"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(KafkaRingSources.class)
                        .doesNotHaveBean(DisruptorKafkaProperties.class).hasBean("numbers"));
    }

    @Test
    void backsOffForTheApplicationsOwnSources() {
        runner.withPropertyValues("disruptor.rings.numbers.kafka.topics=in")
                .withBean("mySources", KafkaRingSources.class, () -> new KafkaRingSources(new DisruptorKafkaProperties(),
                        null, null, null, null, java.util.List.of(), 0))
                .run(context -> assertThat(context).getBean(KafkaRingSources.class).isSameAs(context.getBean("mySources")));
    }

    @Test
    void usesTheRingsOwnGroupOverTheDefaults() {
        runner.withPropertyValues("disruptor.rings.numbers.kafka.topics=in", "disruptor.defaults.kafka.group-id=everyone",
                "disruptor.rings.numbers.kafka.group-id=mine")
                .run(context -> assertThat(context.getBean(KafkaRingSources.class).source("numbers").groupId())
                        .isEqualTo("mine"));
    }

    @Test
    void registersHealthAndMetersWhenTheirLibrariesArePresent() {
        runner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                CompositeMeterRegistryAutoConfiguration.class))
                .withPropertyValues("disruptor.rings.numbers.kafka.topics=in")
                .run(context -> assertThat(context).hasBean("disruptorKafkaHealthContributor")
                        .hasSingleBean(KafkaRingSourceMetrics.class));
    }

    @Test
    void healthCanBeSwitchedOff() {
        runner.withPropertyValues("disruptor.rings.numbers.kafka.topics=in",
                "management.health.disruptor-kafka.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("disruptorKafkaHealthContributor"));
    }

    @Test
    void healthBacksOffWithoutSpringBootHealth() {
        runner.withPropertyValues("disruptor.rings.numbers.kafka.topics=in")
                .withClassLoader(new FilteredClassLoader(HealthContributor.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("disruptorKafkaHealthContributor"));
    }

    @Test
    void theEndpointShowsWhichPartitionsFeedTheRing() {
        runner.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
                DisruptorEndpointAutoConfiguration.class))
                .withPropertyValues("disruptor.rings.numbers.kafka.topics=in",
                        "management.endpoints.web.exposure.include=disruptor")
                .run(context -> {
                    Map<String, Object> sources = context.getBean(DisruptorEndpoint.class).ring("numbers").sources();
                    assertThat(sources).containsKey("kafka");
                    assertThat(((KafkaRingSourceStatus) sources.get("kafka")).topics()).containsExactly("in");
                    String json = JsonMapper.builder().build().writeValueAsString(context.getBean(DisruptorEndpoint.class)
                            .ring("numbers"));
                    assertThat(json).contains("\"sources\":{\"kafka\":{\"ring\":\"numbers\",\"groupId\":\"numbers\","
                            + "\"topics\":[\"in\"],\"state\":\"STOPPED\"");
                });
    }

    // ---------------------------------------------------------------- startup failures

    @Test
    void failsWhenNoTranslatorTakesTheRingsEvents() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DisruptorAutoConfiguration.class, KafkaAutoConfiguration.class,
                        DisruptorKafkaAutoConfiguration.class))
                .withUserConfiguration(NumbersHandler.class)
                .withPropertyValues("disruptor.rings.numbers.kafka.topics=in", "spring.kafka.consumer.group-id=g")
                .run(context -> assertFailure(context, "needs one KafkaRecordTranslator<NumberEvent, K, V> bean",
                        "there is none", "Declare a KafkaRecordTranslator<NumberEvent, K, V> bean."));
    }

    @Test
    void failsWhenSeveralTranslatorsFitAndNoneIsNamed() {
        runner.withUserConfiguration(SecondTranslator.class).withPropertyValues("disruptor.rings.numbers.kafka.topics=in")
                .run(context -> assertFailure(context, "there are 2: [numberTranslator, otherTranslator]",
                        "Set disruptor.rings.numbers.kafka.translator to one of [numberTranslator, otherTranslator]."));
    }

    @Test
    void takesTheNamedTranslatorAndRefusesAnUnknownName() {
        runner.withUserConfiguration(SecondTranslator.class)
                .withPropertyValues("disruptor.rings.numbers.kafka.topics=in",
                        "disruptor.rings.numbers.kafka.translator=otherTranslator")
                .run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("disruptor.rings.numbers.kafka.topics=in",
                "disruptor.rings.numbers.kafka.translator=nope")
                .run(context -> assertFailure(context, "Invalid value 'nope' for disruptor.rings.numbers.kafka.translator"));
    }

    @Test
    void failsForTopicsOfARingThatDoesNotExist() {
        runner.withPropertyValues("disruptor.rings.trades.kafka.topics=in")
                .run(context -> assertFailure(context, "disruptor.rings.trades.kafka.topics is set but there is no ring 'trades'"));
    }

    @Test
    void failsWithoutAConsumerGroup() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DisruptorAutoConfiguration.class, KafkaAutoConfiguration.class,
                        DisruptorKafkaAutoConfiguration.class))
                .withUserConfiguration(NumbersRing.class)
                .withPropertyValues("disruptor.rings.numbers.kafka.topics=in")
                .run(context -> assertFailure(context, "neither disruptor.rings.numbers.kafka.group-id nor "
                        + "spring.kafka.consumer.group-id is set"));
    }

    @Test
    void failsWhenADrainCouldOutlastThePollInterval() {
        runner.withPropertyValues("disruptor.rings.numbers.kafka.topics=in", "disruptor.rings.numbers.kafka.drain-timeout=5s",
                "disruptor.rings.numbers.kafka.properties.max.poll.interval.ms=3000")
                .run(context -> assertFailure(context, "Invalid value PT5S for disruptor.rings.numbers.kafka.drain-timeout",
                        "max.poll.interval.ms (3000 ms)"));
    }

    @Test
    void failsForADurationThatMustBePositive() {
        runner.withPropertyValues("disruptor.rings.numbers.kafka.topics=in", "disruptor.defaults.kafka.poll-timeout=0s")
                .run(context -> assertFailure(context, "Invalid value PT0S for disruptor.rings.numbers.kafka.poll-timeout"));
    }

    private static void assertFailure(AssertableApplicationContext context, String... fragments) {
        assertThat(context).hasFailed();
        assertThat(context.getStartupFailure()).rootCause().isInstanceOf(DisruptorConfigurationException.class);
        Throwable cause = context.getStartupFailure();
        while (!(cause instanceof DisruptorConfigurationException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        for (String fragment : fragments) {
            assertThat(cause.getMessage()).contains(fragment);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NumbersHandler {

        @Bean
        @DisruptorHandler(ring = "numbers")
        EventHandler<NumberEvent> counter() {
            return (event, sequence, endOfBatch) -> { };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NumbersRing extends NumbersHandler {

        @Bean
        KafkaRecordTranslator<NumberEvent, String, String> numberTranslator() {
            return (event, sequence, record, replay) -> event.value = Long.parseLong(record.value());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SecondTranslator {

        @Bean
        KafkaRecordTranslator<NumberEvent, String, String> otherTranslator() {
            return (event, sequence, record, replay) -> event.value = -1;
        }
    }
}
