package io.github.disruptor.spring.autoconfigure.pipeline;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * What every handler of the pipeline saw: per handler, how often it saw each order id, and how often
 * a handler saw an event before a handler it must wait for had finished it.
 */
@Component
public class PipelineRecorder {

    private final Map<String, Map<Long, AtomicInteger>> seen = new ConcurrentHashMap<>();
    private final Set<String> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger orderViolations = new AtomicInteger();

    /** Records that {@code handler} handled {@code id}, after checking that every upstream handler did. */
    public void handled(String handler, long id, String... upstream) {
        for (String before : upstream) {
            if (count(before, id) == 0) {
                orderViolations.incrementAndGet();
            }
        }
        threads.add(handler + "@" + Thread.currentThread().getName());
        seen.computeIfAbsent(handler, name -> new ConcurrentHashMap<>())
                .computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
    }

    public int count(String handler, long id) {
        AtomicInteger count = seen.getOrDefault(handler, Map.of()).get(id);
        return count == null ? 0 : count.get();
    }

    public int distinct(String handler) {
        return seen.getOrDefault(handler, Map.of()).size();
    }

    public boolean eachSeenOnce(String handler) {
        return seen.getOrDefault(handler, Map.of()).values().stream().allMatch(count -> count.get() == 1);
    }

    public long threadsOf(String handler) {
        return threads.stream().filter(entry -> entry.startsWith(handler + "@")).count();
    }

    public int orderViolations() {
        return orderViolations.get();
    }
}
