package io.github.disruptor.sample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.disruptor.core.Disruptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OrderJournalTest {

    static final ValidationRules RULES = new ValidationRules(List.of("ACME", "GLOBEX"), 10);

    @TempDir
    Path directory;

    @Test
    void replaysWhatItJournaledInOrderWithTheSettingsBeforeTheOrders() throws Exception {
        OrderJournal journal = journal();
        journal.recordSettings(RULES);
        journal.onEvent(order(1, "ACME", Side.BUY, 101_25, 10, null), 0, false);
        journal.onEvent(order(2, "GLOBEX", Side.SELL, 5, 1, "key-2"), 1, true);
        journal.onEvent(order(3, "INITECH", Side.BUY, 99_999_999_99L, 1_000_000_000, null), 2, true);
        journal.destroy();

        List<String> replayed = new ArrayList<>();
        long count = journal().replay(new OrderJournal.Replayer() {
            @Override
            public void settings(ValidationRules rules, Instant recordedAt, long lineNumber) {
                replayed.add("line " + lineNumber + ": " + rules);
            }

            @Override
            public void order(OrderEvent order) {
                replayed.add(order.orderId() + " " + order.acceptedAt() + " " + order + " " + order.idempotencyKey());
            }
        });

        assertThat(count).isEqualTo(3);
        assertThat(replayed).containsExactly(
                "line 1: symbols [ACME, GLOBEX], maximum order quantity 10",
                "1 1700000000001 order 1 BUY 10 ACME @ 101.25 null",
                "2 1700000000002 order 2 SELL 1 GLOBEX @ 0.05 key-2",
                "3 1700000000003 order 3 BUY 1000000000 INITECH @ 99999999.99 null");
    }

    @Test
    void writesAtTheEndOfABatchAndAcknowledgesTheBatchOnlyThen() throws Exception {
        OrderJournal journal = journal();
        journal.recordSettings(RULES);
        long settings = Files.size(journal.file());
        journal.onEvent(order(1, "ACME", Side.BUY, 100_00, 1, null), 0, false);
        assertThat(Files.size(journal.file())).isEqualTo(settings);
        assertThat(journal.awaitWritten(0, Duration.ZERO)).isFalse();

        journal.onEvent(order(2, "ACME", Side.BUY, 100_00, 1, null), 1, true);

        assertThat(journal.awaitWritten(1, Duration.ZERO)).isTrue();
        assertThat(Files.readAllLines(journal.file())).hasSize(3).element(1).asString()
                .startsWith("O,1,1700000000001,ACME,BUY,10000,1,,");
        journal.destroy();
    }

    @Test
    void dropsARecordTornByACrashAndAppendsAfterTheLastWholeOne() throws Exception {
        OrderJournal first = journal();
        first.recordSettings(RULES);
        first.onEvent(order(1, "ACME", Side.BUY, 100_00, 1, null), 0, true);
        first.destroy();
        Path file = directory.resolve(OrderJournal.FILE_NAME);
        List<String> whole = Files.readAllLines(file);
        Files.writeString(file, "O,2,17000000", StandardCharsets.US_ASCII, java.nio.file.StandardOpenOption.APPEND);

        OrderJournal journal = journal();
        journal.onEvent(order(3, "ACME", Side.SELL, 100_00, 1, null), 0, true);
        journal.destroy();

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3).startsWith(whole.toArray(String[]::new));
        assertThat(lines.get(2)).startsWith("O,3,");
    }

    @Test
    void refusesARecordWhoseChecksumDoesNotMatchNamingTheLine() throws Exception {
        OrderJournal first = journal();
        first.recordSettings(RULES);
        first.onEvent(order(1, "ACME", Side.BUY, 100_00, 1, null), 0, true);
        first.destroy();
        Path file = directory.resolve(OrderJournal.FILE_NAME);
        Files.writeString(file, Files.readString(file).replace("O,1,", "O,7,"));

        OrderJournal journal = journal();

        assertThatExceptionOfType(OrderJournal.UnreadableJournalException.class).isThrownBy(() -> journal.replay(ignoring()))
                .withMessageContaining("Line 2 of the order journal")
                .withMessageContaining("the record is damaged or two writes were spliced")
                .withMessageContaining("never skipped silently");
        journal.destroy();
    }

    @Test
    void refusesAJournalOfTheEarlierFormatInsteadOfStartingEmpty() throws Exception {
        Files.writeString(directory.resolve(OrderJournal.FILE_NAME), "1,1700000000001,ACME,BUY,10000,1\n");

        OrderJournal journal = journal();

        assertThatExceptionOfType(OrderJournal.UnreadableJournalException.class).isThrownBy(() -> journal.replay(ignoring()))
                .withMessageContaining("Line 1 of the order journal")
                .withMessageContaining("'1,1700000000001,ACME,BUY,10000,1'")
                .withMessageContaining("written by an older version of the sample cannot be read");
        journal.destroy();
    }

    private OrderJournal journal() {
        ObjectProvider<Disruptor<OrderEvent>> noRing = new DefaultListableBeanFactory()
                .getBeanProvider(ResolvableType.forClassWithGenerics(Disruptor.class, OrderEvent.class));
        return new OrderJournal(new SampleProperties(List.of("ACME"), 10,
                new SampleProperties.Journal(directory, false, Duration.ofSeconds(1), new SampleProperties.Retry(1,
                        Duration.ZERO)),
                new SampleProperties.Http(org.springframework.util.unit.DataSize.ofKilobytes(16)),
                new SampleProperties.Idempotency(1), new SampleProperties.Load(false, 1),
                new SampleProperties.ReadModel(1, 1)), noRing);
    }

    private static OrderJournal.Replayer ignoring() {
        return new OrderJournal.Replayer() {
            @Override
            public void settings(ValidationRules rules, Instant recordedAt, long lineNumber) {
            }

            @Override
            public void order(OrderEvent order) {
            }
        };
    }

    static OrderEvent order(long id, String symbol, Side side, long price, long quantity, String idempotencyKey) {
        OrderEvent event = new OrderEvent();
        event.place(id, 1_700_000_000_000L + id, symbol, side, price, quantity, idempotencyKey);
        return event;
    }
}
