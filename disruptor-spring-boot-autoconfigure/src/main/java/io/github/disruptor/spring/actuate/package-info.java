/**
 * Observability of the rings for Spring Boot Actuator: the {@code disruptor} endpoint, Micrometer
 * meters and the {@code disruptor} health contributor. Everything here reads the engine's monitoring
 * views ({@link io.github.disruptor.core.DisruptorMonitor}), so observing a ring costs its publishers
 * and handlers nothing.
 */
@NullMarked
package io.github.disruptor.spring.actuate;

import org.jspecify.annotations.NullMarked;
