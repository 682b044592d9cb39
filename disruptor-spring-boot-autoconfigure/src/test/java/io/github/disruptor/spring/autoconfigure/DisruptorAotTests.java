package io.github.disruptor.spring.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.EventHandler;
import io.github.disruptor.core.EventPublisher;
import io.github.disruptor.spring.DisruptorHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rings in an application processed ahead of time (Spring AOT), as {@code spring-boot:process-aot} does:
 * the bean definitions are generated as code at build time, compiled, and the context is started from
 * that code alone, with the configuration of run time.
 */
@CompileWithForkedClassLoader
class DisruptorAotTests {

    @Test
    void ringsOfAnApplicationProcessedAheadOfTimeAreBuiltFromClassMethodAndBeanMethodHandlers() {
        runAheadOfTime(Map.of("disruptor.rings.orders.ring-size", "64"),
                Map.of("disruptor.rings.orders.ring-size", "128"), context -> {
                    Disruptor<?> orders = context.getBean("orders", Disruptor.class);
                    assertThat(orders.monitor().ringSize()).as("the ring size configured at run time").isEqualTo(128);
                    Handlers handlers = context.getBean(Handlers.class);
                    @SuppressWarnings("unchecked")
                    EventPublisher<OrderEvent> publisher = context.getBean(EventPublisher.class);
                    for (long id = 1; id <= 10; id++) {
                        publisher.publish(OrderEvent::setId, id);
                    }
                    await("every handler to see 10 events").atMost(Duration.ofSeconds(20))
                            .until(() -> handlers.byMethod.get() == 10 && handlers.byBeanMethod.get() == 10
                                    && context.getBean(ClassHandler.class).handled() == 10);
                    assertThat(orders.monitor().handlers()).extracting(handler -> handler.name())
                            .containsExactlyInAnyOrder(ClassHandler.class.getName(), Handlers.class.getName() + ".onOrder",
                                    "beanMethodHandler");
                });
    }

    @Test
    void processingContributesTheReflectionRingsNeedAtRunTime() throws NoSuchMethodException {
        RuntimeHints hints = generate(Map.of()).context().getRuntimeHints();
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Handlers.class, "onOrder")).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(OrderEvent.class.getDeclaredConstructor()))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(ClassHandler.class)).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(DisruptorProperties.Ring.class))
                .as("binding disruptor.* at run time").accepts(hints);
    }

    private static void runAheadOfTime(Map<String, Object> buildTimeProperties, Map<String, Object> runTimeProperties,
            Consumer<GenericApplicationContext> assertions) {
        Generated generated = generate(buildTimeProperties);
        TestCompiler.forSystem().with(generated.context()).compile(compiled -> {
            try (GenericApplicationContext context = new GenericApplicationContext()) {
                context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("run time", runTimeProperties));
                @SuppressWarnings("unchecked")
                ApplicationContextInitializer<GenericApplicationContext> initializer =
                        compiled.getInstance(ApplicationContextInitializer.class, generated.initializer().reflectionName());
                initializer.initialize(context);
                context.refresh();
                assertions.accept(context);
            }
        });
    }

    /** What {@code process-aot} makes: generated code and hints, and the class that registers the beans. */
    private record Generated(TestGenerationContext context, ClassName initializer) {
    }

    private static Generated generate(Map<String, Object> buildTimeProperties) {
        AnnotationConfigApplicationContext buildTime = new AnnotationConfigApplicationContext();
        buildTime.getEnvironment().getPropertySources().addFirst(new MapPropertySource("build time", buildTimeProperties));
        buildTime.register(Application.class);
        TestGenerationContext generationContext = new TestGenerationContext(Application.class);
        ClassName initializer = new ApplicationContextAotGenerator().processAheadOfTime(buildTime, generationContext);
        generationContext.writeGeneratedContent();
        return new Generated(generationContext, initializer);
    }

    @Configuration(proxyBeanMethods = false)
    @Import({ DisruptorAutoConfiguration.class, ClassHandler.class, Handlers.class })
    static class Application {

        @Bean
        @DisruptorHandler(ring = "orders")
        EventHandler<OrderEvent> beanMethodHandler(Handlers handlers) {
            return (event, sequence, endOfBatch) -> handlers.byBeanMethod.incrementAndGet();
        }
    }

    @DisruptorHandler(ring = "orders")
    static class ClassHandler extends CountingHandler {
    }

    static class Handlers {

        final AtomicLong byMethod = new AtomicLong();
        final AtomicLong byBeanMethod = new AtomicLong();

        @DisruptorHandler(ring = "orders")
        void onOrder(OrderEvent event) {
            byMethod.incrementAndGet();
        }
    }
}
