package io.github.disruptor.spring.autoconfigure;

import java.util.List;

/**
 * Everything needed to build one ring, checked: its settings, its event type, and its handlers in
 * declaration order, one list per stage.
 *
 * @param name the ring's name, also its bean name
 * @param eventType the type of the ring's events
 * @param settings the ring's validated settings
 * @param stages the handlers, one list per {@code withBarrier} call; within a stage, every handler
 *        comes after the handlers it names in {@code after}
 */
record RingPlan(String name, Class<?> eventType, RingSettings settings, List<List<HandlerDefinition>> stages) {

    /** Every handler of the ring. */
    List<HandlerDefinition> handlers() {
        return stages.stream().flatMap(List::stream).toList();
    }
}
