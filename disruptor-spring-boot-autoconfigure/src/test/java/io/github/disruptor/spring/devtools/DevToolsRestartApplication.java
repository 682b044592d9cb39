package io.github.disruptor.spring.devtools;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.devtools.autoconfigure.LocalDevToolsAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import io.github.disruptor.core.EventHandler;
import io.github.disruptor.core.EventPublisher;
import io.github.disruptor.spring.DisruptorHandler;
import io.github.disruptor.spring.autoconfigure.DisruptorAutoConfiguration;

/**
 * An application with spring-boot-devtools on its class path, run by {@link DevToolsRestartTests} in a
 * JVM of its own, so devtools' restart is on as it is for a developer. Once its context is ready it
 * publishes {@value #PAYMENTS} payments and prints one line: the identity of the class loader that loaded
 * it (a restart brings a new one), how many payments were settled, the threads that handled them, and
 * every live thread of the ring.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({ DisruptorAutoConfiguration.class, LocalDevToolsAutoConfiguration.class })
@Import({ DevToolsRestartApplication.Validation.class, DevToolsRestartApplication.Settlement.class })
public class DevToolsRestartApplication {

    static final String READY = "RINGS READY";
    static final int PAYMENTS = 100;

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(DevToolsRestartApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.run(args);
    }

    @Bean
    ApplicationRunner publishAndReport(EventPublisher<PaymentEvent> payments, Validation validation, Settlement settlement) {
        return arguments -> {
            for (long amount = 1; amount <= PAYMENTS; amount++) {
                payments.publish((event, sequence, value) -> event.amount = value, amount);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (settlement.settled.get() < PAYMENTS && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000);
            }
            Set<Long> handlerThreads = new TreeSet<>(validation.threads);
            handlerThreads.addAll(settlement.threads);
            Set<Long> liveRingThreads = new TreeSet<>();
            Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().startsWith("disruptor-payments-"))
                    .forEach(thread -> liveRingThreads.add(thread.getId()));
            System.out.println(READY + " loader=" + System.identityHashCode(DevToolsRestartApplication.class.getClassLoader())
                    + " settled=" + settlement.settled.get() + " handlerThreads=" + handlerThreads
                    + " liveRingThreads=" + liveRingThreads);
        };
    }

    /** The ring's event; its class, like the handlers', is loaded by devtools' restart class loader. */
    public static class PaymentEvent {

        long amount;
    }

    /** A method handler, as in the report of the issue: {@code validate(PaymentEvent)}. */
    static class Validation {

        final Set<Long> threads = new ConcurrentSkipListSet<>();

        @DisruptorHandler(ring = "payments")
        void validate(PaymentEvent payment) {
            threads.add(Thread.currentThread().getId());
        }
    }

    @DisruptorHandler(ring = "payments", stage = 1)
    static class Settlement implements EventHandler<PaymentEvent> {

        final AtomicLong settled = new AtomicLong();
        final Set<Long> threads = new ConcurrentSkipListSet<>();

        @Override
        public void onEvent(PaymentEvent payment, long sequence, boolean endOfBatch) {
            threads.add(Thread.currentThread().getId());
            settled.incrementAndGet();
        }
    }
}
