package io.github.disruptor.sample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class OrderJournalTest {

    @TempDir
    Path directory;

    @Test
    void replaysWhatItJournaledInOrderWithEndOfBatchOnTheLastOrder() throws Exception {
        OrderJournal journal = journal();
        journal.onEvent(order(1, "ACME", Side.BUY, 101_25, 10), 0, false);
        journal.onEvent(order(2, "GLOBEX", Side.SELL, 5, 1), 1, true);
        journal.onEvent(order(3, "INITECH", Side.BUY, 99_999_999_99L, 1_000_000_000), 2, true);
        journal.destroy();

        List<String> replayed = new ArrayList<>();
        long count = journal().replay((order, sequence, endOfBatch) -> replayed.add(sequence + " " + order.orderId()
                + " " + order.acceptedAt() + " " + order + (endOfBatch ? " end" : "")));

        assertThat(count).isEqualTo(3);
        assertThat(replayed).containsExactly(
                "0 1 1700000000001 order 1 BUY 10 ACME @ 101.25",
                "1 2 1700000000002 order 2 SELL 1 GLOBEX @ 0.05",
                "2 3 1700000000003 order 3 BUY 1000000000 INITECH @ 99999999.99 end");
    }

    @Test
    void writesOnlyAtTheEndOfABatch() throws Exception {
        OrderJournal journal = journal();
        journal.onEvent(order(1, "ACME", Side.BUY, 100_00, 1), 0, false);
        assertThat(Files.size(journal.file())).isZero();

        journal.onEvent(order(2, "ACME", Side.BUY, 100_00, 1), 1, true);
        assertThat(Files.readAllLines(journal.file())).containsExactly(
                "1,1700000000001,ACME,BUY,10000,1", "2,1700000000002,ACME,BUY,10000,1");
        journal.destroy();
    }

    @Test
    void dropsARecordTornByACrashAndAppendsAfterTheLastCompleteOne() throws Exception {
        Path file = directory.resolve(OrderJournal.FILE_NAME);
        Files.writeString(file, "1,1700000000001,ACME,BUY,10000,1\n2,17000000", StandardCharsets.US_ASCII);

        OrderJournal journal = journal();
        journal.onEvent(order(3, "ACME", Side.SELL, 100_00, 1), 0, true);
        journal.destroy();

        assertThat(Files.readAllLines(file)).containsExactly(
                "1,1700000000001,ACME,BUY,10000,1", "3,1700000000003,ACME,SELL,10000,1");
    }

    @Test
    void refusesToSkipARecordItCannotRead() throws Exception {
        Files.writeString(directory.resolve(OrderJournal.FILE_NAME), "1,1700000000001,ACME,HOLD,10000,1\n");

        OrderJournal journal = journal();

        assertThatIllegalStateException().isThrownBy(() -> journal.replay((order, sequence, endOfBatch) -> { }))
                .withMessageContaining("Line 1 of the order journal")
                .withMessageContaining("'1,1700000000001,ACME,HOLD,10000,1'")
                .withMessageContaining("orderId,acceptedAt,symbol,side,price,quantity");
        journal.destroy();
    }

    private OrderJournal journal() {
        return new OrderJournal(new SampleProperties(List.of("ACME"), 10,
                new SampleProperties.Journal(directory, false), new SampleProperties.Load(false, 1),
                new SampleProperties.ReadModel(1, 1)));
    }

    static OrderEvent order(long id, String symbol, Side side, long price, long quantity) {
        OrderEvent event = new OrderEvent();
        event.place(id, 1_700_000_000_000L + id, symbol, side, price, quantity);
        return event;
    }
}
