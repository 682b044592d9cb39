package io.github.disruptor.sample;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches the beans of the {@link SampleMode} that {@code sample.mode} names. The value must be a mode's name in
 * lower case, exactly as {@code application.yml} includes the profile of the mode's settings
 * ({@code application-kafka.yml}): anything else stops the start with a report naming the value and the modes,
 * rather than with a missing bean or a mode without its settings.
 */
final class OnSampleModeCondition extends SpringBootCondition {

    static final String PROPERTY = "sample.mode";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        SampleMode wanted = (SampleMode) metadata.getAnnotations().get(ConditionalOnSampleMode.class).getValue("value")
                .orElseThrow();
        SampleMode mode = mode(context.getEnvironment());
        ConditionMessage message = ConditionMessage.forCondition(ConditionalOnSampleMode.class, name(wanted))
                .because(PROPERTY + " is " + name(mode));
        return mode == wanted ? ConditionOutcome.match(message) : ConditionOutcome.noMatch(message);
    }

    static SampleMode mode(Environment environment) {
        String value = environment.getProperty(PROPERTY);
        if (value == null) {
            return SampleMode.STANDALONE;
        }
        return Arrays.stream(SampleMode.values()).filter(mode -> name(mode).equals(value)).findFirst()
                .orElseThrow(() -> new InvalidConfigurationPropertyValueException(PROPERTY, value, "the modes are "
                        + String.join(" and ", Arrays.stream(SampleMode.values()).map(OnSampleModeCondition::name).toList())
                        + ", in lower case; standalone when unset"));
    }

    /** How {@code sample.mode} spells the mode. */
    static String name(SampleMode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }
}
