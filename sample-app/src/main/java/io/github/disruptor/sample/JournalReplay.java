package io.github.disruptor.sample;

import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the order books and the read model on start by replaying the journal through the same
 * validation, matching and results code the ring runs, in journal order. It runs while the context
 * creates its beans, so it is done before the ring starts and before the web server takes requests;
 * the handler threads start afterwards and so see everything the replay built.
 */
@Component
class JournalReplay implements InitializingBean {

    private static final Log logger = LogFactory.getLog(JournalReplay.class);

    private final OrderJournal journal;
    private final OrderValidator validator;
    private final MatchingEngine matchingEngine;
    private final OrderResults results;
    private final OrderIntake intake;

    JournalReplay(OrderJournal journal, OrderValidator validator, MatchingEngine matchingEngine, OrderResults results,
            OrderIntake intake) {
        this.journal = journal;
        this.validator = validator;
        this.matchingEngine = matchingEngine;
        this.results = results;
        this.intake = intake;
    }

    @Override
    public void afterPropertiesSet() {
        long started = System.nanoTime();
        long replayed = journal.replay((order, sequence, endOfBatch) -> {
            validator.validate(order);
            matchingEngine.onEvent(order, sequence, endOfBatch);
            results.publish(order);
            intake.resumeAfter(order.orderId());
        });
        logger.info(replayed == 0 ? "Order journal " + journal.file() + " is empty: starting with empty books"
                : "Replayed " + replayed + " orders from " + journal.file() + " in "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
    }
}
