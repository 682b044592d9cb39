package io.github.disruptor.benchmarks;

import java.util.List;
import org.openjdk.jmh.annotations.Param;

/**
 * What the Spring layer costs per event: the raw core built with {@code DisruptorBuilder} against
 * the same ring built by the starter and published to through the injected {@code EventPublisher}
 * (the target is at least 0.95 of the core's: the publisher is the disruptor itself, never a proxy),
 * and a method-level {@code @DisruptorHandler} against a class-level one. One producer, one
 * consumer, yielding.
 */
public class SpringLayerBenchmark extends ThroughputBenchmark {

    /** The variants, as the {@code contender} parameter names them. */
    static final List<String> VARIANTS = List.of("core", "spring-class-handler", "spring-method-handler");

    static final Workload WORKLOAD = new Workload(Topology.UNICAST, Idle.YIELDING, 1);

    @Param({"core", "spring-class-handler", "spring-method-handler"})
    public String contender;

    @Override
    protected EventFlow createFlow() {
        return flow(contender);
    }

    @Override
    protected Workload workload() {
        return WORKLOAD;
    }

    /** One of the {@link #VARIANTS}, wired for {@link #WORKLOAD}. */
    static EventFlow flow(String variant) {
        return switch (variant) {
            case "core" -> new CoreFlow(WORKLOAD.topology(), WORKLOAD.idle());
            case "spring-class-handler" -> new SpringFlow(SpringFlow.ClassLevelApplication.class);
            case "spring-method-handler" -> new SpringFlow(SpringFlow.MethodLevelApplication.class);
            default -> throw new IllegalArgumentException("unknown contender '" + variant + "' of the Spring layer; "
                    + "expected one of " + VARIANTS);
        };
    }
}
