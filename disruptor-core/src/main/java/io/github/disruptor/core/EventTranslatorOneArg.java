package io.github.disruptor.core;

/**
 * An {@link EventTranslator} that takes its data as an argument, so a non-capturing (and therefore
 * allocation-free) lambda or a static constant can serve every publish.
 *
 * @param <E> the event type
 * @param <A> the argument type
 */
@FunctionalInterface
public interface EventTranslatorOneArg<E, A> {

    /**
     * Fills the event for {@code sequence} from {@code arg}.
     *
     * @param event the pre-allocated event to overwrite
     * @param sequence the sequence the event will be published under
     * @param arg the caller's data
     */
    void translateTo(E event, long sequence, A arg);
}
