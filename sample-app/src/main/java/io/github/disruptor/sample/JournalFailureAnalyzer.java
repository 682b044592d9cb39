package io.github.disruptor.sample;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a journal the sample cannot read into a startup report that names the file and the line and says
 * what to do, instead of a stack trace: an accepted order is never skipped to get the application started.
 */
final class JournalFailureAnalyzer extends AbstractFailureAnalyzer<OrderJournal.UnreadableJournalException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, OrderJournal.UnreadableJournalException cause) {
        return new FailureAnalysis(cause.getMessage(), "Repair line " + cause.lineNumber() + " of " + cause.file()
                + " if you can, or move the file away: the sample then starts with empty books, and order ids"
                + " continue above those reserved in " + OrderIds.FILE_NAME + ". Set sample.journal.directory to"
                + " start from another directory.", cause);
    }
}
