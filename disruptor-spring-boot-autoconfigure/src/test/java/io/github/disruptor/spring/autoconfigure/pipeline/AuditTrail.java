package io.github.disruptor.spring.autoconfigure.pipeline;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

import io.github.disruptor.spring.DisruptorHandler;
import io.github.disruptor.spring.autoconfigure.AuditEvent;

/** The only handler of a second ring with another event type. */
@Component
public class AuditTrail {

    public final List<String> texts = new CopyOnWriteArrayList<>();

    @DisruptorHandler(ring = "audit")
    void write(AuditEvent event) {
        texts.add(event.text());
    }
}
