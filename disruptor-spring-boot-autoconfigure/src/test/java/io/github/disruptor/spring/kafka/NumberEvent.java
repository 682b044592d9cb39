package io.github.disruptor.spring.kafka;

/** A ring event read from a Kafka record whose value is a number. */
public class NumberEvent {

    String key;
    long value;
    int partition;
    long offset;
    boolean replay;
}
