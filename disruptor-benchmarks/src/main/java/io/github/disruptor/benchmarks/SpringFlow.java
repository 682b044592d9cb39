package io.github.disruptor.benchmarks;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.DisruptorMonitor;
import io.github.disruptor.core.EventPublisher;
import io.github.disruptor.core.ProducerType;
import io.github.disruptor.spring.DisruptorHandler;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.ResolvableType;

/**
 * A minimal Spring Boot application (no web) with one ring, {@code bench}, configured like the raw
 * core flow (65,536 slots, single producer, yielding) and one handler doing the same counting work,
 * declared either at class level or at method level. The benchmark publishes through the
 * {@code EventPublisher<LongEvent>} bean, as an application would after injecting it.
 */
final class SpringFlow implements EventFlow {

    private final ConfigurableApplicationContext context;
    private final EventPublisher<LongEvent> publisher;
    private final CountingHandler[] terminals;

    SpringFlow(Class<?> application) {
        this.context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "logging.level.root=warn",
                        "disruptor.rings.bench.ring-size=" + CAPACITY,
                        "disruptor.rings.bench.sequencer=single",
                        "disruptor.rings.bench.wait-strategy=yielding")
                .run();
        this.publisher = context.<EventPublisher<LongEvent>>getBeanProvider(
                ResolvableType.forClassWithGenerics(EventPublisher.class, LongEvent.class)).getObject();
        this.terminals = new CountingHandler[] {context.getBean(Counting.class).counter()};
        DisruptorMonitor ring = context.getBean("bench", Disruptor.class).monitor();
        if (ring.ringSize() != CAPACITY || ring.producerType() != ProducerType.SINGLE
                || !ring.waitStrategy().equals("yielding")) {
            throw new IllegalStateException("the starter built ring 'bench' as " + ring.ringSize() + " slots, "
                    + ring.producerType() + ", " + ring.waitStrategy() + "; expected " + CAPACITY
                    + " slots, SINGLE, yielding, like the raw core flow");
        }
    }

    @Override
    public void publish(int events, int batchSize) {
        for (int i = 0; i < events; i++) {
            publisher.publish(CoreFlow.WRITE_SEQUENCE);
        }
    }

    @Override
    public long awaitConsumed(long total) {
        return EventFlow.awaitAll(terminals, total, Idle.YIELDING);
    }

    @Override
    public void close() {
        context.close();
    }

    /** Gives the benchmark the handler's counter, however the handler is declared. */
    interface Counting {
        CountingHandler counter();
    }

    /** The application with a class-level handler: the bean is the {@code EventHandler} itself. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ClassLevelHandler.class)
    static class ClassLevelApplication {
    }

    @DisruptorHandler(ring = "bench")
    static class ClassLevelHandler extends CountingHandler implements Counting {

        @Override
        public CountingHandler counter() {
            return this;
        }
    }

    /** The application with a method-level handler on an ordinary bean. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(MethodLevelHandler.class)
    static class MethodLevelApplication {
    }

    static class MethodLevelHandler implements Counting {

        private final CountingHandler counter = new CountingHandler();

        @DisruptorHandler(ring = "bench")
        void onEvent(LongEvent event, long sequence, boolean endOfBatch) {
            counter.onEvent(event, sequence, endOfBatch);
        }

        @Override
        public CountingHandler counter() {
            return counter;
        }
    }
}
