package io.github.disruptor.benchmarks;

import org.openjdk.jmh.annotations.Param;

/**
 * What the Spring layer costs per event: the raw core built with {@code DisruptorBuilder} against
 * the same ring built by the starter and published to through the injected {@code EventPublisher}
 * (expected ratio about 1.0, the publisher is the disruptor itself, never a proxy), and a
 * method-level {@code @DisruptorHandler} against a class-level one. One producer, one consumer,
 * yielding.
 */
public class SpringLayerBenchmark extends ThroughputBenchmark {

    @Param({"core", "spring-class-handler", "spring-method-handler"})
    public String contender;

    @Override
    protected EventFlow createFlow() {
        return switch (contender) {
            case "core" -> new CoreFlow(topology(), Idle.YIELDING);
            case "spring-class-handler" -> new SpringFlow(SpringFlow.ClassLevelApplication.class);
            case "spring-method-handler" -> new SpringFlow(SpringFlow.MethodLevelApplication.class);
            default -> throw new IllegalArgumentException("unknown contender '" + contender
                    + "'; expected core, spring-class-handler or spring-method-handler");
        };
    }

    @Override
    protected Topology topology() {
        return Topology.UNICAST;
    }
}
