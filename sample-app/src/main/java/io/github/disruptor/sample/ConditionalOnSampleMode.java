package io.github.disruptor.sample;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * A bean of one {@link SampleMode} only: it exists when {@code sample.mode} names that mode ({@code standalone}
 * when unset). A value that names no mode stops the start with a report listing the modes.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnSampleModeCondition.class)
@interface ConditionalOnSampleMode {

    SampleMode value();
}
