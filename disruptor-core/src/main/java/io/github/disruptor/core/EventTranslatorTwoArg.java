package io.github.disruptor.core;

/**
 * An {@link EventTranslator} that takes its data as two arguments; see {@link EventTranslatorOneArg}.
 *
 * @param <E> the event type
 * @param <A> the first argument type
 * @param <B> the second argument type
 */
@FunctionalInterface
public interface EventTranslatorTwoArg<E, A, B> {

    /**
     * Fills the event for {@code sequence} from the arguments.
     *
     * @param event the pre-allocated event to overwrite
     * @param sequence the sequence the event will be published under
     * @param first the caller's first argument
     * @param second the caller's second argument
     */
    void translateTo(E event, long sequence, A first, B second);
}
