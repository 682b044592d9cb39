/**
 * Kafka as the input and output of a ring, auto-configured when spring-kafka is on the class path.
 *
 * <p>A ring named under {@code disruptor.rings.<name>.kafka.topics} gets a {@link KafkaRingSource}: one
 * consumer thread that publishes each assigned partition's records into the ring in offset order through
 * the application's {@link KafkaRecordTranslator}, pauses the partitions while the ring is full, commits an
 * offset only after every handler of the ring has passed its record, and drains the ring before partitions
 * move to another instance. {@link ExactlyOnceKafkaHandler} writes a last stage's output records and the
 * consumed offsets in one Kafka transaction per batch.
 */
@NullMarked
package io.github.disruptor.spring.kafka;

import org.jspecify.annotations.NullMarked;
