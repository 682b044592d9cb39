package io.github.disruptor.spring.autoconfigure;

/** A second test event type, for rings that must not mix with orders. */
public class AuditEvent {

    String text;
}
