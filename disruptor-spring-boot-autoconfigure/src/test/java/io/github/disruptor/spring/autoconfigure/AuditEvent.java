package io.github.disruptor.spring.autoconfigure;

/** A second test event type, for rings that must not mix with orders. */
public class AuditEvent {

    private String text;

    public String text() {
        return text;
    }

    public static void setText(AuditEvent event, long sequence, String text) {
        event.text = text;
    }
}
