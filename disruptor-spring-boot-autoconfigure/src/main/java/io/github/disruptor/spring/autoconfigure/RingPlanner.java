package io.github.disruptor.spring.autoconfigure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.disruptor.spring.autoconfigure.DisruptorProperties.Ring;

/**
 * Turns the configured rings and the discovered handlers into checked {@link RingPlan}s: assigns each
 * handler its ring, infers each ring's event type, orders the stages and the {@code after} graph, and
 * rejects every inconsistency with a {@link DisruptorConfigurationException}.
 */
final class RingPlanner {

    private static final int MAX_TYPO_DISTANCE = 2;

    private RingPlanner() {
    }

    /**
     * @param properties the rings under {@code disruptor.rings}, in configuration order, and the defaults
     * @param handlers every handler found, in bean definition order
     */
    static List<RingPlan> plan(DisruptorProperties properties, List<HandlerDefinition> handlers) {
        Map<String, Ring> configured = properties.getRings();
        handlers.forEach(RingPlanner::checkAttributes);
        Set<String> ringNames = new LinkedHashSet<>(configured.keySet());
        handlers.stream().map(HandlerDefinition::ring).filter(ring -> !ring.isEmpty()).forEach(ringNames::add);
        Map<String, List<HandlerDefinition>> byRing = new LinkedHashMap<>();
        ringNames.forEach(ring -> byRing.put(ring, new ArrayList<>()));
        for (HandlerDefinition handler : handlers) {
            HandlerDefinition placed = handler.ring().isEmpty() ? handler.inRing(onlyRing(handler, ringNames)) : handler;
            byRing.get(placed.ring()).add(placed);
        }
        configured.keySet().forEach(ring -> checkUsed(ring, byRing));
        handlers.forEach(handler -> checkNotATypo(handler, configured.keySet()));
        List<RingPlan> plans = new ArrayList<>();
        byRing.forEach((ring, ringHandlers) -> {
            RingSettings settings = RingSettings.of(ring, properties);
            ringHandlers.forEach(handler -> RetrySettings.policy(handler, settings));
            plans.add(new RingPlan(ring, eventType(ring, ringHandlers), settings, stages(ring, ringHandlers)));
        });
        return plans;
    }

    private static void checkAttributes(HandlerDefinition handler) {
        if (handler.stage() < 0) {
            throw new DisruptorConfigurationException("@DisruptorHandler on handler " + handler.describe()
                    + " has stage = " + handler.stage() + "; stages are numbered from 0.",
                    "Set stage to 0 or more on @DisruptorHandler of " + handler.origin() + ".");
        }
        if (handler.concurrency() < 1) {
            throw new DisruptorConfigurationException("@DisruptorHandler on handler " + handler.describe()
                    + " has concurrency = " + handler.concurrency() + "; a handler needs at least one thread.",
                    "Set concurrency to 1 or more on @DisruptorHandler of " + handler.origin() + ".");
        }
        if (handler.maxBatchSize() < 1) {
            throw new DisruptorConfigurationException("@DisruptorHandler on handler " + handler.describe()
                    + " has maxBatchSize = " + handler.maxBatchSize() + "; a batch holds at least one event.",
                    "Set maxBatchSize to 1 or more on @DisruptorHandler of " + handler.origin()
                            + ", or leave it out for batches of any size.");
        }
    }

    private static String onlyRing(HandlerDefinition handler, Set<String> ringNames) {
        if (ringNames.size() == 1) {
            return ringNames.iterator().next();
        }
        if (ringNames.isEmpty()) {
            throw new DisruptorConfigurationException("@DisruptorHandler on handler " + handler.describe()
                    + " does not name a ring, and no ring is configured.",
                    "Name the ring with @DisruptorHandler(ring = \"...\"), or configure one under "
                            + "disruptor.rings.<name>, for example disruptor.rings.orders.ring-size=1024.");
        }
        throw new DisruptorConfigurationException("@DisruptorHandler on handler " + handler.describe()
                + " does not name a ring, and the application has several: " + String.join(", ", ringNames) + ".",
                "Set @DisruptorHandler(ring = \"...\") on " + handler.origin() + " to one of: "
                        + String.join(", ", ringNames) + ".");
    }

    private static void checkUsed(String ring, Map<String, List<HandlerDefinition>> byRing) {
        if (!byRing.get(ring).isEmpty()) {
            return;
        }
        List<String> usedRings = byRing.entrySet().stream().filter(entry -> !entry.getValue().isEmpty())
                .map(Map.Entry::getKey).toList();
        String used = usedRings.isEmpty() ? "no ring has a handler" : "rings with handlers: " + String.join(", ", usedRings);
        Optional<String> closest = closest(ring, usedRings);
        throw new DisruptorConfigurationException("Ring '" + ring + "' is configured under disruptor.rings." + ring
                + " but no @DisruptorHandler uses it (" + used + ").",
                closest.map(name -> "Did you mean '" + name + "'? Rename disruptor.rings." + ring + " to disruptor.rings."
                        + name + ", or attach a handler with @DisruptorHandler(ring = \"" + ring + "\").")
                        .orElse("Attach a handler with @DisruptorHandler(ring = \"" + ring
                                + "\"), or remove disruptor.rings." + ring + " from the configuration."));
    }

    /**
     * A ring that an annotation names and no configuration does is a ring of its own, unless its name is
     * close to a configured ring's: then it is most likely a typo, which would otherwise start a second,
     * unconfigured ring that nothing publishes to.
     */
    private static void checkNotATypo(HandlerDefinition handler, Set<String> configured) {
        String ring = handler.ring();
        if (ring.isEmpty() || configured.contains(ring)) {
            return;
        }
        closest(ring, configured).ifPresent(name -> {
            throw new DisruptorConfigurationException("@DisruptorHandler on handler " + handler.describe()
                    + " names ring '" + ring + "', which no configuration names, but disruptor.rings configures '"
                    + name + "'.", "Did you mean '" + name + "'? Name ring '" + name + "' in @DisruptorHandler of "
                            + handler.origin() + ", or configure disruptor.rings." + ring + " if '" + ring
                            + "' is a ring of its own.");
        });
    }

    /** The most specific handled type: every handler of the ring must accept it. */
    private static Class<?> eventType(String ring, List<HandlerDefinition> handlers) {
        Set<Class<?>> types = handlers.stream().map(HandlerDefinition::eventType)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return types.stream().filter(candidate -> types.stream().allMatch(type -> type.isAssignableFrom(candidate)))
                .findFirst()
                .orElseThrow(() -> new DisruptorConfigurationException("The handlers of ring '" + ring
                        + "' disagree on the event type:" + handlers.stream()
                                .map(handler -> "\n    " + handler.describe() + " handles " + handler.eventType().getName())
                                .collect(Collectors.joining()),
                        "Make every handler of ring '" + ring + "' handle the same event type (or a supertype of it), "
                                + "or move the others to a ring of their own with @DisruptorHandler(ring = \"...\")."));
    }

    private static List<List<HandlerDefinition>> stages(String ring, List<HandlerDefinition> handlers) {
        Map<String, HandlerDefinition> byName = new LinkedHashMap<>();
        for (HandlerDefinition handler : handlers) {
            HandlerDefinition sameName = byName.put(handler.name(), handler);
            if (sameName != null) {
                throw new DisruptorConfigurationException("Ring '" + ring + "' has two handlers named '"
                        + handler.name() + "': " + sameName.origin() + " and " + handler.origin() + ".",
                        "Handler names (the bean name, or beanName.methodName) must be unique within a ring: "
                                + "rename one of the methods, or give one of the beans another name.");
            }
        }
        handlers.forEach(handler -> checkAfter(ring, handler, byName));
        Map<Integer, List<HandlerDefinition>> byStage = new TreeMap<>();
        handlers.forEach(handler -> byStage.computeIfAbsent(handler.stage(), stage -> new ArrayList<>()).add(handler));
        List<List<HandlerDefinition>> stages = new ArrayList<>();
        byStage.values().forEach(stage -> stages.add(inDependencyOrder(ring, stage, byName)));
        return stages;
    }

    private static void checkAfter(String ring, HandlerDefinition handler, Map<String, HandlerDefinition> byName) {
        for (String upstreamName : handler.after()) {
            HandlerDefinition upstream = byName.get(upstreamName);
            if (upstream == null) {
                String suggestion = closest(upstreamName, byName.keySet()).map(name -> "Did you mean '" + name + "'? ")
                        .orElse("");
                throw new DisruptorConfigurationException("Handler " + handler.describe() + " of ring '" + ring
                        + "' names '" + upstreamName + "' in @DisruptorHandler(after), but ring '" + ring
                        + "' has no handler of that name.",
                        suggestion + "The handlers of ring '" + ring + "' are: " + String.join(", ", byName.keySet())
                                + ". A handler's name is its bean name, or beanName.methodName for a method.");
            }
            if (upstream.stage() > handler.stage()) {
                throw new DisruptorConfigurationException("Handler " + handler.describe() + " (stage " + handler.stage()
                        + ") of ring '" + ring + "' names '" + upstreamName + "' in @DisruptorHandler(after), but '"
                        + upstreamName + "' is in the later stage " + upstream.stage() + ".",
                        "A handler can only wait for handlers of its own stage or a lower one: set stage = "
                                + upstream.stage() + " or more on " + handler.origin() + ", or remove '" + upstreamName
                                + "' from its after.");
            }
        }
    }

    /** Orders a stage so that each handler comes after the same-stage handlers it waits for. */
    private static List<HandlerDefinition> inDependencyOrder(String ring, List<HandlerDefinition> stage,
            Map<String, HandlerDefinition> byName) {
        List<HandlerDefinition> ordered = new ArrayList<>(stage.size());
        Set<String> done = new HashSet<>();
        Deque<String> path = new ArrayDeque<>();
        for (HandlerDefinition handler : stage) {
            visit(ring, handler, byName, done, path, ordered);
        }
        return ordered;
    }

    private static void visit(String ring, HandlerDefinition handler, Map<String, HandlerDefinition> byName,
            Set<String> done, Deque<String> path, List<HandlerDefinition> ordered) {
        if (done.contains(handler.name())) {
            return;
        }
        if (path.contains(handler.name())) {
            List<String> cycle = new ArrayList<>();
            path.descendingIterator().forEachRemaining(cycle::add);
            cycle = new ArrayList<>(cycle.subList(cycle.indexOf(handler.name()), cycle.size()));
            cycle.add(handler.name());
            throw new DisruptorConfigurationException("The handlers of ring '" + ring
                    + "' wait for each other in a cycle through @DisruptorHandler(after): "
                    + String.join(" -> ", cycle) + ".",
                    "Remove one of these names from the after attribute of the handler that names it, "
                            + "or move the handlers into successive stages.");
        }
        path.push(handler.name());
        for (String upstreamName : handler.after()) {
            HandlerDefinition upstream = byName.get(upstreamName);
            if (upstream.stage() == handler.stage()) {
                visit(ring, upstream, byName, done, path, ordered);
            }
        }
        path.pop();
        done.add(handler.name());
        ordered.add(handler);
    }

    /** The candidate closest to {@code name} by edit distance, if close enough to be a typo. */
    static Optional<String> closest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = editDistance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.min(MAX_TYPO_DISTANCE, name.length() / 2) ? Optional.of(best) : Optional.empty();
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
