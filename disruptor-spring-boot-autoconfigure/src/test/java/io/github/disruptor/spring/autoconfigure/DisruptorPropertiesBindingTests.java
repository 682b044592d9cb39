package io.github.disruptor.spring.autoconfigure;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.spring.autoconfigure.HandlerConfigurations.OrdersJournal;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@code disruptor.*} becomes the {@link DisruptorProperties} bean. */
class DisruptorPropertiesBindingTests {

    private static final String RING_SIZE = "disruptor.rings.orders.ring-size";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DisruptorAutoConfiguration.class))
            .withUserConfiguration(OrdersJournal.class);

    /**
     * The rings are planned from the same object the context exposes: a second binding could read other
     * values (or fail with another report) than the one the rings were built from.
     */
    @Test
    void disruptorPropertiesAreBoundOnceAndTheRingsAreBuiltFromTheBean() {
        CountingPropertySource source = new CountingPropertySource(Map.of(RING_SIZE, "64"));
        StandardEnvironment alone = new StandardEnvironment();
        alone.getPropertySources().addFirst(source);
        Binder.get(alone).bindOrCreate("disruptor", DisruptorProperties.class);
        int readsOfOneBinding = source.reads.getAndSet(0);
        assertThat(readsOfOneBinding).isPositive();

        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(source))
                .run(context -> {
                    assertThat(source.reads).as("reads of " + RING_SIZE).hasValue(readsOfOneBinding);
                    assertThat(context).hasSingleBean(DisruptorProperties.class).hasBean("disruptorProperties");
                    DisruptorProperties properties = context.getBean(DisruptorProperties.class);
                    assertThat(properties.getRings().get("orders").getRingSize()).isEqualTo(64);
                    assertThat(context.getBean("orders", Disruptor.class).monitor().ringSize()).isEqualTo(64);
                });
    }

    /** {@code disruptor.rings.<name>.kafka.*} belongs to the Kafka bridge, which binds it itself. */
    @Test
    void keysOfOtherFeaturesUnderARingAreLeftToThem() {
        runner.withPropertyValues("disruptor.rings.orders.ring-size=32", "disruptor.rings.orders.kafka.topic=orders",
                "disruptor.rings.orders.kafka.group-id=desk").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean("orders", Disruptor.class).monitor().ringSize()).isEqualTo(32);
                });
    }

    /** Counts the reads of {@link #RING_SIZE}. */
    private static final class CountingPropertySource extends MapPropertySource {

        final AtomicInteger reads = new AtomicInteger();

        CountingPropertySource(Map<String, Object> properties) {
            super("counting", properties);
        }

        @Override
        public Object getProperty(String name) {
            if (RING_SIZE.equals(name)) {
                reads.incrementAndGet();
            }
            return super.getProperty(name);
        }
    }
}
