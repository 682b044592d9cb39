package io.github.disruptor.spring.actuate;

import java.util.Map;

/**
 * Describes what feeds rings from outside the application (for example Kafka partitions), for the
 * {@code disruptor} endpoint: each ring's entry gets a {@code sources} object with one member per kind.
 * Declare beans of this type; the endpoint asks each of them about every ring it describes.
 */
@FunctionalInterface
public interface DisruptorRingSources {

    /**
     * What feeds {@code ring}, by kind (such as {@code kafka}); empty when this contributor does not feed it.
     * The values are serialized to JSON as they are: records, maps, lists, strings and numbers.
     */
    Map<String, Object> describe(String ring);
}
