/**
 * The Disruptor engine.
 */
package io.github.disruptor.core;
