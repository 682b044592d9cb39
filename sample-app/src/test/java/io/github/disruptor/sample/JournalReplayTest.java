package io.github.disruptor.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Two application runs on one journal: the second rebuilds the books, orders and trades of the first. */
class JournalReplayTest {

    @TempDir
    Path journal;

    @Test
    void aRestartReplaysTheJournalIntoTheSameBooksOrdersAndTrades() {
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

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SampleApplication.class)
                .run("--server.port=0", "--sample.journal.directory=" + journal);
    }


    /** Everything the API shows about these orders: each order, every trade, and each book. */
    private static String state(SampleClient client, List<Long> ids) {
        StringBuilder state = new StringBuilder();
        for (long id : ids) {
            state.append(client.get("/orders/" + id).body()).append('\n');
        }
        state.append(client.get("/trades?limit=1000").body()).append('\n');
        for (String symbol : List.of("ACME", "GLOBEX", "INITECH")) {
            state.append(client.get("/books/" + symbol).body()).append('\n');
        }
        return state.toString();
    }
}
