package io.github.disruptor.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Application runs on one journal, each a real context on a real port: every run rebuilds what the one before built. */
@ExtendWith(OutputCaptureExtension.class)
class JournalReplayTest {

    @TempDir
    Path journal;

    @Test
    void aRestartReplaysTheJournalIntoTheSameBooksOrdersAndTrades(CapturedOutput output) {
        List<Long> ids = new ArrayList<>();
        String before;
        try (ConfigurableApplicationContext first = start()) {
            SampleClient client = new SampleClient(SampleClient.port(first));
            String[][] orders = {
                {"ACME", "SELL", "100.00", "10"}, {"ACME", "SELL", "100.50", "10"}, {"ACME", "BUY", "99.00", "5"},
                {"ACME", "BUY", "100.50", "15"}, {"GLOBEX", "BUY", "20.00", "7"}, {"GLOBEX", "SELL", "19.50", "3"},
                {"ACME", "SELL", "98.00", "2"}, {"NOPE", "BUY", "1.00", "1"}, {"INITECH", "SELL", "5.00", "100"},
            };
            for (String[] order : orders) {
                ids.add(client.place(order[0], order[1], order[2], Long.parseLong(order[3])));
            }
            long last = ids.get(ids.size() - 1);
            client.awaitOrder(last);
            before = state(client, ids);
            assertThat(client.get("/trades").json()).as("the orders above trade").hasSize(4);
        }
        assertThat(output).containsOnlyOnce("Order journal closed after the ring drained: 9 orders journaled in this run");

        try (ConfigurableApplicationContext second = start()) {
            SampleClient client = new SampleClient(SampleClient.port(second));
            assertThat(state(client, ids)).isEqualTo(before);

            long next = client.place("ACME", "SELL", "99.00", 1);
            assertThat(next).isGreaterThan(ids.get(ids.size() - 1));
            client.awaitOrder(next);
            JsonNode trade = client.get("/trades?limit=1").json().get(0);
            assertThat(trade.get("buyOrderId").asLong()).as("the new order trades with one from before the restart")
                    .isEqualTo(ids.get(2));
            assertThat(trade.get("id").asLong()).isEqualTo(5);
        }
    }

    /**
     * Validation's settings decide which orders trade. A restart with other settings must not change what the
     * journal's orders did: they were decided under the settings recorded in the journal; new orders follow the new ones.
     */
    @Test
    void aRestartWithOtherSymbolsAndMaximumQuantityRebuildsTheSameOutcomes(CapturedOutput output) {
        List<Long> ids = new ArrayList<>();
        String before;
        try (ConfigurableApplicationContext first = start()) {
            SampleClient client = new SampleClient(SampleClient.port(first));
            ids.add(client.place("NOPE", "SELL", "1.00", 5));        // unknown symbol: rejected
            ids.add(client.place("GLOBEX", "BUY", "20.00", 10_001)); // above 10000: rejected
            ids.add(client.place("GLOBEX", "SELL", "20.00", 600));
            ids.add(client.place("GLOBEX", "BUY", "20.00", 700));   // trades 600, rests 100
            ids.add(client.place("ACME", "SELL", "100.00", 10));
            ids.add(client.place("ACME", "BUY", "101.00", 4));      // trades 4
            client.awaitOrder(ids.get(ids.size() - 1));
            before = state(client, ids, "ACME", "GLOBEX");
        }

        try (ConfigurableApplicationContext second = start("--sample.symbols=ACME,NOPE", "--sample.max-order-quantity=500")) {
            SampleClient client = new SampleClient(SampleClient.port(second));
            assertThat(state(client, ids, "ACME", "GLOBEX")).as("GLOBEX keeps its book, though it is not listed any more")
                    .isEqualTo(before);
            assertThat(output).contains("Settings changed since the journal recorded them")
                    .contains("sample.symbols [ACME, GLOBEX, INITECH] -> [ACME, NOPE]")
                    .contains("sample.max-order-quantity 10000 -> 500");

            long nope = client.place("NOPE", "BUY", "1.00", 5);
            long globex = client.place("GLOBEX", "SELL", "20.00", 50);
            assertThat(client.awaitOrder(nope).get("status").asString()).as("NOPE is listed now").isEqualTo("RESTING");
            assertThat(client.awaitOrder(globex).get("rejection").asString()).as("GLOBEX is not listed any more")
                    .startsWith("unknown symbol 'GLOBEX'");
        }
    }

    /**
     * A power cut loses what the journal had not forced to the disk (sample.journal.fsync=false), and can leave half
     * a record at the end. The ids answered before must still never be given to another order, and a client that
     * retries with its Idempotency-Key after the restart gets its order, not a second one.
     */
    @Test
    void idsNeverRepeatAndIdempotencyKeysHoldAfterTheTailOfTheJournalWasLost() throws IOException {
        long keyed;
        long highest;
        try (ConfigurableApplicationContext first = start()) {
            SampleClient client = new SampleClient(SampleClient.port(first));
            keyed = client.post("/orders", SampleClient.order("ACME", "BUY", "50.00", 3), "Idempotency-Key", "k-1")
                    .json().get("id").asLong();
            client.place("ACME", "BUY", "50.00", 1);
            highest = client.place("ACME", "BUY", "50.00", 2);
            client.awaitOrder(highest);
        }
        Path file = journal.resolve("orders.journal");
        loseTheLastRecordAndLeaveHalfOfAnother(file);

        try (ConfigurableApplicationContext second = start()) {
            SampleClient client = new SampleClient(SampleClient.port(second));
            long next = client.place("ACME", "BUY", "50.00", 4);
            assertThat(next).as("a new id after the ids answered before the power cut").isGreaterThan(highest);

            SampleClient.Response retry = client.post("/orders", SampleClient.order("ACME", "BUY", "50.00", 3),
                    "Idempotency-Key", "k-1");
            assertThat(retry.status()).isEqualTo(202);
            assertThat(retry.json().get("id").asLong()).isEqualTo(keyed);
            assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        }
    }

    /** A record that does not match its checksum (a damaged disk, a write spliced onto half a record) stops the start. */
    @Test
    void aDamagedRecordStopsTheStartWithAReportNamingTheLineAndWhatToDo(CapturedOutput output) throws IOException {
        try (ConfigurableApplicationContext first = start()) {
            new SampleClient(SampleClient.port(first)).place("ACME", "BUY", "50.00", 3);
        }
        Path file = journal.resolve("orders.journal");
        Files.writeString(file, Files.readString(file).replace(",ACME,BUY,5000,3,", ",ACME,BUY,5000,8,"));

        assertThatThrownBy(this::start).hasCauseInstanceOf(OrderJournal.UnreadableJournalException.class);

        assertThat(output).contains("Description:").contains("Line 2 of the order journal " + file.toAbsolutePath())
                .contains("the record is damaged or two writes were spliced")
                .contains("Action:").contains("Repair line 2 of " + file.toAbsolutePath());
    }

    private ConfigurableApplicationContext start(String... arguments) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--sample.journal.directory=" + journal));
        all.addAll(List.of(arguments));
        return new SpringApplicationBuilder(SampleApplication.class).run(all.toArray(String[]::new));
    }

    private static void loseTheLastRecordAndLeaveHalfOfAnother(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length - 1;
        int lastLine = end;
        while (lastLine > 0 && bytes[lastLine - 1] != '\n') {
            lastLine--;
        }
        byte[] shortened = new byte[lastLine + (end - lastLine) / 2];
        System.arraycopy(bytes, 0, shortened, 0, shortened.length);
        Files.write(file, shortened);
        assertThat(new String(shortened, StandardCharsets.US_ASCII)).as("half a record at the end").doesNotEndWith("\n");
    }

    /** Everything the API shows about these orders: each order, every trade, and each book. */
    static String state(SampleClient client, List<Long> ids) {
        return state(client, ids, "ACME", "GLOBEX", "INITECH");
    }

    private static String state(SampleClient client, List<Long> ids, String... symbols) {
        StringBuilder state = new StringBuilder();
        for (long id : ids) {
            state.append(client.get("/orders/" + id).body()).append('\n');
        }
        state.append(client.get("/trades?limit=1000").body()).append('\n');
        for (String symbol : symbols) {
            state.append(client.get("/books/" + symbol).body()).append('\n');
        }
        return state.toString();
    }
}
