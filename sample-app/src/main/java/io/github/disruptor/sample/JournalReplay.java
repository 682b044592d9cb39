package io.github.disruptor.sample;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the order books, the read model, the order ids and the idempotency keys on start by replaying
 * the journal through the same validation, matching and results code the ring runs, in journal order.
 * Each order is validated under the settings recorded in the journal before it, so the outcome is the one
 * the order had when it was accepted, whatever the settings are today; if they changed, a settings record
 * is appended and the change is logged. It runs while the context creates its beans, so it is done before
 * the ring starts and before the web server takes requests; the handler threads start afterwards and so
 * see everything the replay built.
 */
@ConditionalOnSampleMode(SampleMode.STANDALONE)
@Component
class JournalReplay implements InitializingBean {

    private static final Log logger = LogFactory.getLog(JournalReplay.class);
    private static final String VALIDATOR_ON_REPLAY = "orderValidator.validate (journal replay)";

    private final OrderJournal journal;
    private final OrderValidator validator;
    private final MatchingEngine matchingEngine;
    private final OrderResults results;
    private final OrderIds ids;
    private final IdempotencyKeys idempotencyKeys;
    private final DeadLetters deadLetters;

    JournalReplay(OrderJournal journal, OrderValidator validator, MatchingEngine matchingEngine, OrderResults results,
            OrderIds ids, IdempotencyKeys idempotencyKeys, DeadLetters deadLetters) {
        this.journal = journal;
        this.validator = validator;
        this.matchingEngine = matchingEngine;
        this.results = results;
        this.ids = ids;
        this.idempotencyKeys = idempotencyKeys;
        this.deadLetters = deadLetters;
    }

    @Override
    public void afterPropertiesSet() {
        long started = System.nanoTime();
        Replayer replayer = new Replayer();
        long replayed = journal.replay(replayer);
        matchingEngine.publishMarketData();
        logger.info(replayed == 0 ? "Order journal " + journal.file() + " holds no orders: starting with empty books"
                : "Replayed " + replayed + " orders from " + journal.file() + " in "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
        ValidationRules current = validator.rules();
        if (replayer.rules == null) {
            journal.recordSettings(current);
        } else if (!replayer.rules.equals(current)) {
            List<String> changes = current.changesSince(replayer.rules);
            logger.info("Settings changed since the journal recorded them (line " + replayer.rulesLine + ", "
                    + replayer.rulesRecordedAt + "): " + String.join(", ", changes) + ". The " + replayed + " orders"
                    + " journaled so far keep the outcomes they had under the recorded settings; new orders are"
                    + " validated under the new ones, which the journal now records.");
            journal.recordSettings(current);
        }
    }

    /** Applies each record: the settings in force, then each order as the ring's stages would. */
    private final class Replayer implements OrderJournal.Replayer {

        private ValidationRules rules;
        private long rulesLine;
        private Instant rulesRecordedAt;

        @Override
        public void settings(ValidationRules recorded, Instant recordedAt, long lineNumber) {
            rules = recorded;
            rulesLine = lineNumber;
            rulesRecordedAt = recordedAt;
        }

        /** As the ring: an order that validation fails on is set aside, as {@link DeadLetters} did when it ran. */
        @Override
        public void order(OrderEvent order) {
            boolean validated;
            try {
                validator.validate(order, rules);
                validated = true;
            } catch (RuntimeException failure) {
                deadLetters.handleEventException(failure, OrderJournal.BEFORE_THIS_RUN, order, VALIDATOR_ON_REPLAY);
                validated = false;
            }
            if (validated) {
                matchingEngine.onEvent(order, OrderJournal.BEFORE_THIS_RUN, false);
                results.publish(order);
            }
            ids.resumeAfter(order.orderId());
            if (order.idempotencyKey() != null) {
                idempotencyKeys.remember(order.idempotencyKey(), order.ticket(), order.orderId());
            }
        }
    }
}
