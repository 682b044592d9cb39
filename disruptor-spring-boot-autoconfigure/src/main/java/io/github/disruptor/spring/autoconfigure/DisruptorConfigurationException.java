package io.github.disruptor.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * The rings cannot be built as configured. Thrown while the application starts; the failure analyzer
 * turns it into a report that names the property or annotation, the value, and what would be accepted.
 */
public final class DisruptorConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String description;
    private final String action;

    /**
     * @param description what is wrong, naming the property or annotation and the value
     * @param action what the user can do about it
     */
    public DisruptorConfigurationException(String description, String action) {
        this(description, action, null);
    }

    /**
     * @param description what is wrong, naming the property or annotation and the value
     * @param action what the user can do about it
     * @param cause the underlying failure
     */
    public DisruptorConfigurationException(String description, String action, @Nullable Throwable cause) {
        super(description + " " + action, cause);
        this.description = description;
        this.action = action;
    }

    /** What is wrong. */
    public String getDescription() {
        return description;
    }

    /** What to do about it. */
    public String getAction() {
        return action;
    }
}
