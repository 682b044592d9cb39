package io.github.disruptor.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.disruptor.core.EventHandler;
import io.github.disruptor.core.ExceptionHandler;
import io.github.disruptor.spring.DisruptorHandler;
import io.github.disruptor.spring.autoconfigure.HandlerConfigurations.OrdersJournal;
import io.github.disruptor.spring.autoconfigure.HandlerConfigurations.UnnamedRingHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/** Each startup failure, as the user reads it. */
@ExtendWith(OutputCaptureExtension.class)
class DisruptorFailureAnalyzerTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DisruptorAutoConfiguration.class));

    @Test
    void ringSizeNotAPowerOfTwo() {
        FailureAnalysis analysis = analyze(runner.withUserConfiguration(OrdersJournal.class)
                .withPropertyValues("disruptor.rings.orders.ring-size=1000"));
        assertThat(analysis.getDescription()).isEqualTo("Invalid value 1000 for disruptor.rings.orders.ring-size: "
                + "ring size must be a power of two, was 1000; the nearest powers of two are 512 and 1024.");
        assertThat(analysis.getAction())
                .isEqualTo("Set disruptor.rings.orders.ring-size to a power of two from 1 to 1073741824 (2^30).");
    }

    @Test
    void unknownWaitStrategy() {
        FailureAnalysis analysis = analyze(runner.withUserConfiguration(OrdersJournal.class)
                .withPropertyValues("disruptor.rings.orders.wait-strategy=spinning"));
        assertThat(analysis.getDescription()).startsWith("Invalid value 'spinning' for disruptor.rings.orders.wait-strategy");
        assertThat(analysis.getAction())
                .isEqualTo("Set disruptor.rings.orders.wait-strategy to one of: busy-spin, yielding, sleeping, blocking.");
    }

    @Test
    void unknownSequencer() {
        FailureAnalysis analysis = analyze(runner.withUserConfiguration(OrdersJournal.class)
                .withPropertyValues("disruptor.rings.orders.sequencer=dual"));
        assertThat(analysis.getDescription()).startsWith("Invalid value 'dual' for disruptor.rings.orders.sequencer");
        assertThat(analysis.getAction()).isEqualTo("Set disruptor.rings.orders.sequencer to one of: single, multi.");
    }

    @Test
    void unknownExceptionPolicy() {
        FailureAnalysis analysis = analyze(runner.withUserConfiguration(OrdersJournal.class)
                .withPropertyValues("disruptor.rings.orders.exception-policy=ignore"));
        assertThat(analysis.getAction())
                .isEqualTo("Set disruptor.rings.orders.exception-policy to one of: log-and-continue, halt-handler, "
                        + "discard-event.");
    }

    @Test
    void negativeSleepingRetries() {
        FailureAnalysis analysis = analyze(runner.withUserConfiguration(OrdersJournal.class)
                .withPropertyValues("disruptor.rings.orders.sleeping.retries=-1"));
        assertThat(analysis.getDescription())
                .isEqualTo("Invalid value -1 for disruptor.rings.orders.sleeping.retries: it must not be negative.");
        assertThat(analysis.getAction()).isEqualTo("Set disruptor.rings.orders.sleeping.retries to 0 or more (default 200).");
    }

    @Test
    void aBadDefaultNamesTheDefaultsKey() {
        FailureAnalysis analysis = analyze(runner.withUserConfiguration(OrdersJournal.class)
                .withPropertyValues("disruptor.defaults.ring-size=0"));
        assertThat(analysis.getDescription()).isEqualTo("Invalid value 0 for disruptor.defaults.ring-size: "
                + "ring size must be a positive power of two, was 0; for example 1024.");
        assertThat(analysis.getAction())
                .isEqualTo("Set disruptor.defaults.ring-size to a power of two from 1 to 1073741824 (2^30).");
    }

    @Test
    void negativeShutdownTimeout() {
        FailureAnalysis analysis = analyze(runner.withUserConfiguration(OrdersJournal.class)
                .withPropertyValues("disruptor.rings.orders.shutdown-timeout=-1s"));
        assertThat(analysis.getDescription())
                .isEqualTo("Invalid value PT-1S for disruptor.rings.orders.shutdown-timeout: it must not be negative.");
        assertThat(analysis.getAction()).isEqualTo("Set disruptor.rings.orders.shutdown-timeout to 0 or more, such as 30s.");
    }

    @Test
    void negativeGlobalShutdownTimeout() {
        FailureAnalysis analysis = analyze(runner.withUserConfiguration(OrdersJournal.class)
                .withPropertyValues("disruptor.shutdown-timeout=-5s"));
        assertThat(analysis.getDescription())
                .isEqualTo("Invalid value PT-5S for disruptor.shutdown-timeout: it must not be negative.");
    }

    @Test
    void configuredRingWithoutHandlerSuggestsTheCloseName() {
        FailureAnalysis analysis = analyze(runner.withUserConfiguration(OrdersJournal.class)
                .withPropertyValues("disruptor.rings.ordres.ring-size=64"));
        assertThat(analysis.getDescription()).isEqualTo("Ring 'ordres' is configured under disruptor.rings.ordres but "
                + "no @DisruptorHandler uses it (rings with handlers: orders).");
        assertThat(analysis.getAction()).isEqualTo("Did you mean 'orders'? Rename disruptor.rings.ordres to "
                + "disruptor.rings.orders, or attach a handler with @DisruptorHandler(ring = \"ordres\").");
    }

    @Test
    void configuredRingWithoutHandlerAndNoCloseName() {
        FailureAnalysis analysis = analyze(runner.withUserConfiguration(OrdersJournal.class)
                .withPropertyValues("disruptor.rings.payments.ring-size=64"));
        assertThat(analysis.getAction()).isEqualTo("Attach a handler with @DisruptorHandler(ring = \"payments\"), "
                + "or remove disruptor.rings.payments from the configuration.");
    }

    @Test
    void annotationNamesARingCloseToAConfiguredOne() {
        FailureAnalysis analysis = analyze(runner.withUserConfiguration(OrdersJournal.class)
                .withBean("ringTypo", RingTypo.class).withPropertyValues("disruptor.rings.orders.ring-size=64"));
        assertThat(analysis.getDescription()).isEqualTo("@DisruptorHandler on handler 'ringTypo.handle' (method "
                + RingTypo.class.getName() + ".handle(OrderEvent)) names ring 'ordres', which no configuration names, "
                + "but disruptor.rings configures 'orders'.");
        assertThat(analysis.getAction()).isEqualTo("Did you mean 'orders'? Name ring 'orders' in @DisruptorHandler of "
                + "method " + RingTypo.class.getName() + ".handle(OrderEvent), or configure disruptor.rings.ordres if "
                + "'ordres' is a ring of its own.");
    }

    @Test
    void aRingNamedThroughAPlaceholderIsCheckedLikeAnyOther() {
        FailureAnalysis analysis = analyze(runner.withUserConfiguration(OrdersJournal.class)
                .withBean("ringPlaceholder", RingPlaceholder.class)
                .withPropertyValues("disruptor.rings.orders.ring-size=64", "app.ring=Orders"));
        assertThat(analysis.getDescription()).contains("names ring 'Orders', which no configuration names");
        assertThat(analysis.getAction()).startsWith("Did you mean 'orders'?");
    }

    @Test
    void unresolvablePlaceholderInAnAttribute() {
        FailureAnalysis analysis = analyze(runner.withBean("ringPlaceholder", RingPlaceholder.class));
        assertThat(analysis.getDescription()).isEqualTo("@DisruptorHandler on handler 'ringPlaceholder.handle' (method "
                + RingPlaceholder.class.getName() + ".handle(OrderEvent)) has ring = \"${app.ring}\", which cannot be "
                + "resolved: Could not resolve placeholder 'app.ring' in value \"${app.ring}\".");
        assertThat(analysis.getAction()).isEqualTo("Set the property the placeholder names, or give it a default, "
                + "such as \"${app.ring:orders}\".");
    }

    @Test
    void exceptionHandlerBeanMissingSuggestsTheCloseName() {
        FailureAnalysis analysis = analyze(runner.withBean("guarded", GuardedByMissingBean.class)
                .withBean("deadLetters", ExceptionHandler.class, () -> ExceptionHandler.logAndHalt())
                .withBean("alerts", ExceptionHandler.class, () -> ExceptionHandler.logAndContinue()));
        assertThat(analysis.getDescription()).isEqualTo("@DisruptorHandler on handler 'guarded.handle' (method "
                + GuardedByMissingBean.class.getName() + ".handle(OrderEvent)) has exceptionHandler = \"deadLetter\", "
                + "but there is no bean named 'deadLetter'.");
        assertThat(analysis.getAction()).isEqualTo("Did you mean 'deadLetters'? Name a bean of type "
                + "io.github.disruptor.core.ExceptionHandler in @DisruptorHandler(exceptionHandler) of method "
                + GuardedByMissingBean.class.getName() + ".handle(OrderEvent); there are: alerts, deadLetters.");
    }

    @Test
    void exceptionHandlerBeanMissingAndNoneDeclared() {
        FailureAnalysis analysis = analyze(runner.withBean("guarded", GuardedByMissingBean.class));
        assertThat(analysis.getAction()).isEqualTo("Declare a bean of type io.github.disruptor.core.ExceptionHandler "
                + "named 'deadLetter', or remove exceptionHandler from @DisruptorHandler of method "
                + GuardedByMissingBean.class.getName() + ".handle(OrderEvent) to use the ring's exception-policy.");
    }

    @Test
    void exceptionHandlerBeanOfTheWrongType() {
        FailureAnalysis analysis = analyze(runner.withBean("guarded", GuardedByMissingBean.class)
                .withBean("deadLetter", String.class, () -> "not a handler")
                .withBean("deadLetters", ExceptionHandler.class, () -> ExceptionHandler.logAndHalt()));
        assertThat(analysis.getDescription()).isEqualTo("@DisruptorHandler on handler 'guarded.handle' (method "
                + GuardedByMissingBean.class.getName() + ".handle(OrderEvent)) has exceptionHandler = \"deadLetter\", "
                + "but bean 'deadLetter' is a java.lang.String, not an io.github.disruptor.core.ExceptionHandler.");
        assertThat(analysis.getAction()).isEqualTo("Did you mean 'deadLetters'? Name a bean of type "
                + "io.github.disruptor.core.ExceptionHandler in @DisruptorHandler(exceptionHandler) of method "
                + GuardedByMissingBean.class.getName() + ".handle(OrderEvent); there are: deadLetters.");
    }

    @Test
    void maxBatchSizeBelowOne() {
        FailureAnalysis analysis = analyze(runner.withBean("emptyBatches", EmptyBatches.class));
        assertThat(analysis.getDescription()).isEqualTo("@DisruptorHandler on handler 'emptyBatches.handle' (method "
                + EmptyBatches.class.getName() + ".handle(OrderEvent)) has maxBatchSize = 0; a batch holds at least one event.");
        assertThat(analysis.getAction()).isEqualTo("Set maxBatchSize to 1 or more on @DisruptorHandler of method "
                + EmptyBatches.class.getName() + ".handle(OrderEvent), or leave it out for batches of any size.");
    }

    @Test
    void retryAttemptsThatAreNotAWholeNumber() {
        FailureAnalysis analysis = analyze(runner.withBean("retryThree", RetryThree.class));
        String method = "method " + RetryThree.class.getName() + ".handle(OrderEvent)";
        assertThat(analysis.getDescription()).isEqualTo("@DisruptorHandler on handler 'retryThree.handle' (" + method
                + ") has retryAttempts = \"three\", which is not a whole number.");
        assertThat(analysis.getAction()).isEqualTo("Set retryAttempts to a whole number of 1 or more: how many times "
                + "the handler gets a failing event in all, the first time included (\"1\": no retry, \"3\": two "
                + "retries). On @DisruptorHandler of " + method + ", or leave it out for the ring's setting.");
    }

    @Test
    void retryAttemptsFromAPlaceholderBelowOne() {
        FailureAnalysis analysis = analyze(runner.withBean("retrying", RetryFromPlaceholders.class)
                .withPropertyValues("app.attempts=0"));
        assertThat(analysis.getDescription()).endsWith(" has retryAttempts = \"${app.attempts:}\" (\"0\"), but a "
                + "handler gets an event at least once.");
    }

    @Test
    void retryBackOffThatIsNotADuration() {
        FailureAnalysis analysis = analyze(runner.withBean("retrying", RetryFromPlaceholders.class)
                .withPropertyValues("app.back-off=soon"));
        assertThat(analysis.getDescription()).isEqualTo("@DisruptorHandler on handler 'retrying.handle' (method "
                + RetryFromPlaceholders.class.getName() + ".handle(OrderEvent)) has retryBackOff = "
                + "\"${app.back-off:}\" (\"soon\"), which is not a duration.");
        assertThat(analysis.getAction()).startsWith("Set retryBackOff to a duration of 0 or more, such as \"10ms\", "
                + "\"2s\" or \"PT0.5S\" (a bare number is milliseconds).");
    }

    @Test
    void retryMultiplierBelowOne() {
        FailureAnalysis analysis = analyze(runner.withBean("retrying", RetryFromPlaceholders.class)
                .withPropertyValues("app.multiplier=0.5"));
        assertThat(analysis.getDescription()).endsWith(" has retryMultiplier = \"${app.multiplier:}\" (\"0.5\"), "
                + "but a back-off can grow or stay, not shrink.");
        assertThat(analysis.getAction()).startsWith("Set retryMultiplier to a number of 1 or more, such as \"2\"");
    }

    @Test
    void retryAttemptsKeyBelowOne() {
        FailureAnalysis analysis = analyze(runner.withUserConfiguration(OrdersJournal.class)
                .withPropertyValues("disruptor.rings.orders.retry.attempts=0"));
        assertThat(analysis.getDescription()).isEqualTo("Invalid value 0 for disruptor.rings.orders.retry.attempts: "
                + "a handler gets an event at least once.");
        assertThat(analysis.getAction()).isEqualTo("Set disruptor.rings.orders.retry.attempts to 1 or more: how many "
                + "times a handler gets a failing event in all, the first time included (1: no retry, 3: two retries).");
    }

    @Test
    void retryKeysOfTheDefaultsAreNamedAsSuch() {
        assertThat(analyze(runner.withUserConfiguration(OrdersJournal.class)
                .withPropertyValues("disruptor.defaults.retry.multiplier=0.5")).getDescription())
                .isEqualTo("Invalid value 0.5 for disruptor.defaults.retry.multiplier: a back-off can grow or stay, "
                        + "not shrink.");
        assertThat(analyze(runner.withUserConfiguration(OrdersJournal.class)
                .withPropertyValues("disruptor.rings.orders.retry.back-off=-1s")).getDescription())
                .isEqualTo("Invalid value PT-1S for disruptor.rings.orders.retry.back-off: it must not be negative.");
    }

    @Test
    void retryMaxBackOffBelowTheBackOffItCaps() {
        FailureAnalysis analysis = analyze(runner.withBean("retrying", RetryFromPlaceholders.class)
                .withPropertyValues("disruptor.rings.orders.retry.attempts=3", "disruptor.rings.orders.retry.back-off=1s",
                        "app.max-back-off=100ms"));
        String method = "method " + RetryFromPlaceholders.class.getName() + ".handle(OrderEvent)";
        assertThat(analysis.getDescription()).isEqualTo("Handler 'retrying.handle' (" + method + ") of ring 'orders' "
                + "would retry with a back-off of PT1S and a max back-off of PT0.1S; the max back-off caps a growing "
                + "back-off, so it cannot be below it.");
        assertThat(analysis.getAction()).isEqualTo("Set the max back-off (@DisruptorHandler(retryMaxBackOff) of "
                + method + ", or disruptor.rings.orders.retry.max-back-off) to PT1S or more, or lower the back-off "
                + "(retryBackOff, or disruptor.rings.orders.retry.back-off).");
    }

    @Test
    void handlerWithoutRingAndNoRingConfigured() {
        FailureAnalysis analysis = analyze(runner.withUserConfiguration(UnnamedRingHandler.class));
        assertThat(analysis.getDescription()).isEqualTo("@DisruptorHandler on handler 'unnamed' (@Bean method "
                + UnnamedRingHandler.class.getName() + ".unnamed()) does not name a ring, and no ring is configured.");
        assertThat(analysis.getAction()).isEqualTo("Name the ring with @DisruptorHandler(ring = \"...\"), or configure "
                + "one under disruptor.rings.<name>, for example disruptor.rings.orders.ring-size=1024.");
    }

    @Test
    void handlerWithoutRingAndSeveralRings() {
        FailureAnalysis analysis = analyze(runner.withUserConfiguration(UnnamedRingHandler.class, OrdersJournal.class)
                .withPropertyValues("disruptor.rings.audit.ring-size=64"));
        assertThat(analysis.getDescription()).endsWith(" does not name a ring, and the application has several: audit, orders.");
        assertThat(analysis.getAction()).isEqualTo("Set @DisruptorHandler(ring = \"...\") on @Bean method "
                + UnnamedRingHandler.class.getName() + ".unnamed() to one of: audit, orders.");
    }

    @Test
    void handlersDisagreeOnTheEventType() {
        FailureAnalysis analysis = analyze(runner.withUserConfiguration(OrdersJournal.class).withBean("auditOnOrdersRing", AuditOnOrdersRing.class));
        assertThat(analysis.getDescription()).isEqualTo("The handlers of ring 'orders' disagree on the event type:"
                + "\n    'auditOnOrdersRing.audit' (method " + AuditOnOrdersRing.class.getName()
                + ".audit(AuditEvent)) handles " + AuditEvent.class.getName()
                + "\n    'journal' (@Bean method " + OrdersJournal.class.getName() + ".journal()) handles "
                + OrderEvent.class.getName());
        assertThat(analysis.getAction()).isEqualTo("Make every handler of ring 'orders' handle the same event type "
                + "(or a supertype of it), or move the others to a ring of their own with @DisruptorHandler(ring = \"...\").");
    }

    @Test
    void unsupportedMethodSignature() {
        FailureAnalysis analysis = analyze(runner.withBean("wrongSignature", WrongSignature.class));
        assertThat(analysis.getDescription()).isEqualTo("@DisruptorHandler method " + WrongSignature.class.getName()
                + ".handle(OrderEvent, int) has an unsupported signature.");
        assertThat(analysis.getAction()).isEqualTo("Declare it as a void instance method taking (E event) or "
                + "(E event, long sequence, boolean endOfBatch), where E is the ring's event type.");
    }

    @Test
    void annotatedClassThatIsNotAnEventHandler() {
        FailureAnalysis analysis = analyze(runner.withBean("notAHandler", NotAHandler.class));
        assertThat(analysis.getDescription()).isEqualTo("@DisruptorHandler class " + NotAHandler.class.getName()
                + " is not an io.github.disruptor.core.EventHandler (its type is " + NotAHandler.class.getName() + ").");
        assertThat(analysis.getAction()).isEqualTo("Implement EventHandler<E> with the ring's event type E, or put "
                + "@DisruptorHandler on a method taking (E event) or (E event, long sequence, boolean endOfBatch).");
    }

    @Test
    void afterNamesAnUnknownHandler() {
        FailureAnalysis analysis = analyze(runner.withUserConfiguration(OrdersJournal.class).withBean("afterTypo", AfterTypo.class));
        assertThat(analysis.getDescription()).isEqualTo("Handler 'afterTypo.enrich' (method " + AfterTypo.class.getName()
                + ".enrich(OrderEvent)) of ring 'orders' names 'jornal' in @DisruptorHandler(after), but ring 'orders' "
                + "has no handler of that name.");
        assertThat(analysis.getAction()).isEqualTo("Did you mean 'journal'? The handlers of ring 'orders' are: "
                + "afterTypo.enrich, journal. A handler's name is its bean name, or beanName.methodName for a method.");
    }

    @Test
    void afterNamesAHandlerOfALaterStage() {
        FailureAnalysis analysis = analyze(runner.withBean("afterLaterStage", AfterLaterStage.class));
        assertThat(analysis.getDescription()).isEqualTo("Handler 'afterLaterStage.first' (method "
                + AfterLaterStage.class.getName() + ".first(OrderEvent)) (stage 0) of ring 'orders' names "
                + "'afterLaterStage.second' in @DisruptorHandler(after), but 'afterLaterStage.second' is in the later stage 1.");
        assertThat(analysis.getAction()).isEqualTo("A handler can only wait for handlers of its own stage or a lower "
                + "one: set stage = 1 or more on method " + AfterLaterStage.class.getName()
                + ".first(OrderEvent), or remove 'afterLaterStage.second' from its after.");
    }

    @Test
    void afterCycle() {
        FailureAnalysis analysis = analyze(runner.withBean("cycle", Cycle.class));
        assertThat(analysis.getDescription()).isEqualTo("The handlers of ring 'orders' wait for each other in a cycle "
                + "through @DisruptorHandler(after): cycle.a -> cycle.c -> cycle.b -> cycle.a.");
        assertThat(analysis.getAction()).isEqualTo("Remove one of these names from the after attribute of the handler "
                + "that names it, or move the handlers into successive stages.");
    }

    @Test
    void eventTypeWithoutNoArgumentConstructor() {
        FailureAnalysis analysis = analyze(runner.withBean("immutableEventHandler", ImmutableEventHandler.class));
        assertThat(analysis.getDescription()).isEqualTo("Ring 'quotes' cannot create its events: "
                + Quote.class.getName() + " has no no-argument constructor.");
        assertThat(analysis.getAction()).isEqualTo("Give " + Quote.class.getName() + " a no-argument constructor "
                + "(a nested class must be static), or declare a bean of type DisruptorEventFactory<Quote>.");
    }

    @Test
    void concurrencyBelowOne() {
        FailureAnalysis analysis = analyze(runner.withBean("noThreads", NoThreads.class));
        assertThat(analysis.getDescription()).isEqualTo("@DisruptorHandler on handler 'noThreads.handle' (method "
                + NoThreads.class.getName() + ".handle(OrderEvent)) has concurrency = 0; a handler needs at least one thread.");
        assertThat(analysis.getAction()).isEqualTo("Set concurrency to 1 or more on @DisruptorHandler of method "
                + NoThreads.class.getName() + ".handle(OrderEvent).");
    }

    @Test
    void overloadedHandlerMethodsShareAName() {
        FailureAnalysis analysis = analyze(runner.withBean("overloads", Overloads.class));
        assertThat(analysis.getDescription()).startsWith("Ring 'orders' has two handlers named 'overloads.handle': ");
        assertThat(analysis.getAction()).startsWith("Handler names (the bean name, or beanName.methodName) must be unique");
    }

    @Test
    void ringNameTakenByAnotherBean() {
        FailureAnalysis analysis = analyze(runner.withUserConfiguration(OrdersJournal.class)
                .withBean("orders", String.class, () -> "taken"));
        assertThat(analysis.getDescription()).isEqualTo("Ring 'orders' needs the bean name 'orders', which another bean "
                + "(java.lang.String) already has.");
        assertThat(analysis.getAction()).isEqualTo("Rename the ring (disruptor.rings.orders and "
                + "@DisruptorHandler(ring = \"orders\")) or the other bean.");
    }

    @Test
    void handlerHiddenBehindTheDeclaredTypeOfItsBeanMethod() {
        FailureAnalysis analysis = analyze(runner.withUserConfiguration(OrdersJournal.class, HiddenHandler.class));
        assertThat(analysis.getDescription()).isEqualTo("Bean 'hidden' is a " + AnnotatedJournal.class.getName()
                + ", which has @DisruptorHandler (class " + AnnotatedJournal.class.getName() + "), but its bean "
                + "definition does not show that type, so no ring was planned for it.");
        assertThat(analysis.getAction()).isEqualTo("Declare the bean with its concrete type: make the @Bean method "
                + "return AnnotatedJournal, or let component scanning register the class.");
    }

    @Test
    void theReportIsWhatSpringApplicationPrints(CapturedOutput output) {
        SpringApplication application = new SpringApplication(ReportedApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        assertThatException().isThrownBy(() -> application.run("--disruptor.rings.orders.wait-strategy=spinning"));
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Invalid value 'spinning' for disruptor.rings.orders.wait-strategy (from \"disruptor.rings"
                        + ".orders.wait-strategy\" from property source \"commandLineArgs\").")
                .contains("Set disruptor.rings.orders.wait-strategy to one of: busy-spin, yielding, sleeping, blocking.");
    }

    private static FailureAnalysis analyze(ApplicationContextRunner runner) {
        FailureAnalysis[] analysis = new FailureAnalysis[1];
        runner.run(context -> {
            assertThat(context).hasFailed();
            analysis[0] = new DisruptorFailureAnalyzer().analyze(context.getStartupFailure());
        });
        assertThat(analysis[0]).as("the analyzer recognises the failure").isNotNull();
        return analysis[0];
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(DisruptorAutoConfiguration.class)
    static class ReportedApplication extends OrdersJournal {
    }

    @DisruptorHandler(ring = "orders")
    static class AnnotatedJournal extends CountingHandler {
    }

    @Configuration(proxyBeanMethods = false)
    static class HiddenHandler {

        @Bean
        EventHandler<OrderEvent> hidden() {
            return new AnnotatedJournal();
        }
    }

    static class AuditOnOrdersRing {

        @DisruptorHandler(ring = "orders")
        void audit(AuditEvent event) {
        }
    }

    static class GuardedByMissingBean {

        @DisruptorHandler(ring = "orders", exceptionHandler = "deadLetter")
        void handle(OrderEvent event) {
        }
    }

    static class RetryThree {

        @DisruptorHandler(ring = "orders", retryAttempts = "three")
        void handle(OrderEvent event) {
        }
    }

    static class RetryFromPlaceholders {

        @DisruptorHandler(ring = "orders", retryAttempts = "${app.attempts:}", retryBackOff = "${app.back-off:}",
                retryMultiplier = "${app.multiplier:}", retryMaxBackOff = "${app.max-back-off:}")
        void handle(OrderEvent event) {
        }
    }

    static class EmptyBatches {

        @DisruptorHandler(ring = "orders", maxBatchSize = 0)
        void handle(OrderEvent event) {
        }
    }

    static class RingTypo {

        @DisruptorHandler(ring = "ordres")
        void handle(OrderEvent event) {
        }
    }

    static class RingPlaceholder {

        @DisruptorHandler(ring = "${app.ring}")
        void handle(OrderEvent event) {
        }
    }

    static class WrongSignature {

        @DisruptorHandler(ring = "orders")
        void handle(OrderEvent event, int sequence) {
        }
    }

    @DisruptorHandler(ring = "orders")
    static class NotAHandler {
    }

    static class AfterTypo {

        @DisruptorHandler(ring = "orders", after = "jornal")
        void enrich(OrderEvent event) {
        }
    }

    static class AfterLaterStage {

        @DisruptorHandler(ring = "orders", after = "afterLaterStage.second")
        void first(OrderEvent event) {
        }

        @DisruptorHandler(ring = "orders", stage = 1)
        void second(OrderEvent event) {
        }
    }

    static class Cycle {

        @DisruptorHandler(ring = "orders", after = "cycle.c")
        void a(OrderEvent event) {
        }

        @DisruptorHandler(ring = "orders", after = "cycle.a")
        void b(OrderEvent event) {
        }

        @DisruptorHandler(ring = "orders", after = "cycle.b")
        void c(OrderEvent event) {
        }
    }

    static final class Quote {

        final long price;

        Quote(long price) {
            this.price = price;
        }
    }

    static class ImmutableEventHandler implements EventHandler<Quote> {

        @Override
        @DisruptorHandler(ring = "quotes")
        public void onEvent(Quote event, long sequence, boolean endOfBatch) {
        }
    }

    static class NoThreads {

        @DisruptorHandler(ring = "orders", concurrency = 0)
        void handle(OrderEvent event) {
        }
    }

    static class Overloads {

        @DisruptorHandler(ring = "orders")
        void handle(OrderEvent event) {
        }

        @DisruptorHandler(ring = "orders")
        void handle(OrderEvent event, long sequence, boolean endOfBatch) {
        }
    }
}
