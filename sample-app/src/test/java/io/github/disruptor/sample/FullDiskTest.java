package io.github.disruptor.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The disk under the order journal fills up, for real, while orders come in over HTTP.
 *
 * <p>How the disk fails: the sample runs in a child JVM, and the test sets that process's file-size limit
 * ({@code RLIMIT_FSIZE}, with util-linux {@code prlimit --pid}) to a few kilobytes above the journal's current
 * size. The kernel then refuses every write that would make the file larger: the write that crosses the limit
 * is cut short, the next one fails with {@code EFBIG} ("File too large"), exactly where a full filesystem would
 * fail with {@code ENOSPC}. No root, no mount, no fake channel: the real {@code FileChannel} on the real file
 * fails. Raising the limit again is the disk freeing up. The test needs Linux and {@code prlimit}; without them it
 * is skipped, except under {@code CI=true}, where it fails.
 *
 * <p>What must hold: {@code 202} only for an order the journal has written; while the journal retries, the
 * order waits and health says why; space coming back in time lets it through without a spliced record; a disk
 * that stays full halts the journal, so matching stops at the last journaled order, health turns DOWN with the
 * reason and new orders get {@code 503} at once. After {@code kill -9} and a restart, every acknowledged order is
 * back, with the same status, trades and books as before the kill, and new ids do not repeat old ones.
 */
class FullDiskTest {

    /** Room for about 150 orders: small enough to fill in a second, large enough for trades to happen. */
    static final long ROOM_BYTES = 8 * 1024;
    /** The applications' output, kept after the test. */
    static final Path LOGS = Path.of("target", "full-disk-test");

    @TempDir
    Path work;

    @Test
    void aFullDiskNeverLosesAnAcknowledgedOrder() throws Exception {
        String unavailable = SampleProcess.fileSizeLimitUnavailable();
        if (unavailable != null) {
            if ("true".equals(System.getenv("CI"))) {
                fail(unavailable + "; under CI=true this test must run");
            }
            Assumptions.abort(unavailable);
        }
        Path journal = work.resolve("journal");
        Path file = journal.resolve("orders.journal");
        String[] settings = {"--sample.journal.directory=" + journal, "--management.endpoint.health.show-details=always",
            "--sample.journal.retry.max-attempts=4", "--sample.journal.retry.back-off=250ms"};
        List<Long> acknowledged = new ArrayList<>();
        String beforeTheKill;
        int next = 0;
        try (SampleProcess app = SampleProcess.start(LOGS.resolve("until-kill.log"), settings)) {
            SampleClient client = new SampleClient(app.port());

            // 1. The disk fills up: the first order the journal cannot write is left waiting, not acknowledged.
            app.limitFileSize(Files.size(file) + ROOM_BYTES);
            CompletableFuture<SampleClient.Response> waiting = null;
            while (waiting == null && next < 1_000) {
                CompletableFuture<SampleClient.Response> posted = client.postAsync("/orders", order(next++));
                try {
                    acknowledged.add(idOf(posted.get(1, TimeUnit.SECONDS)));
                } catch (TimeoutException stillWaiting) {
                    waiting = posted;
                }
            }
            assertThat(waiting).as("an order the journal could not write (%d of %d orders were answered 202, the file"
                    + " may grow by %d bytes, about 150 orders; see %s)", acknowledged.size(), next, ROOM_BYTES, app.log())
                    .isNotNull();
            JsonNode retrying = awaitJournalHealth(client, "DOWN");
            assertThat(retrying.at("/details/state").asString()).isEqualTo("RETRYING");
            assertThat(retrying.at("/details/reason").asString()).contains("File too large");

            // 2. Space comes back before the retries run out: the waiting order is written whole and acknowledged.
            app.limitFileSize(-1);
            acknowledged.add(idOf(waiting.get(10, TimeUnit.SECONDS)));
            awaitJournalHealth(client, "UP");
            for (int i = 0; i < 20; i++) {
                acknowledged.add(idOf(client.post("/orders", order(next++))));
            }
            assertEveryLineIsWhole(file);

            // 3. The disk fills up and stays full: the retries run out, the journal halts, nothing more is accepted.
            app.limitFileSize(Files.size(file) + 20);
            SampleClient.Response refused = client.post("/orders", order(next++));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.retryAfter()).isNotNull();
            assertThat(refused.json().get("detail").asString()).contains("journal").contains("File too large");
            JsonNode halted = awaitJournalHealth(client, "DOWN");
            assertThat(halted.at("/details/state").asString()).isEqualTo("HALTED");
            assertThat(halted.at("/details/reason").asString()).contains("File too large");
            SampleClient.Response refusedAtOnce = client.post("/orders", order(next++));
            assertThat(refusedAtOnce.status()).isEqualTo(503);
            assertThat(refusedAtOnce.elapsed()).as("a halted journal refuses at once").isLessThan(Duration.ofSeconds(1));
            client.awaitOrder(acknowledged.get(acknowledged.size() - 1));
            beforeTheKill = JournalReplayTest.state(client, acknowledged);

            app.killHard();
        }

        // 4. kill -9, space back, restart: every acknowledged order is back, exactly as it was.
        try (SampleProcess app = SampleProcess.start(LOGS.resolve("after-restart.log"), settings)) {
            SampleClient client = new SampleClient(app.port());
            assertThat(JournalReplayTest.state(client, acknowledged)).isEqualTo(beforeTheKill);
            assertThat(client.get("/trades").json()).as("trades happened").isNotEmpty();
            long newId = idOf(client.post("/orders", order(next)));
            assertThat(newId).isGreaterThan(acknowledged.stream().mapToLong(Long::longValue).max().orElseThrow());
            assertThat(awaitJournalHealth(client, "UP").at("/details/state").asString()).isEqualTo("WRITING");
        }
    }

    /** A deterministic mix of crossing and resting orders on two symbols. */
    private static String order(int i) {
        boolean buy = i % 2 == 0;
        String price = buy ? (100 + i % 5) + ".00" : (101 + i % 7) + ".00";
        return SampleClient.order(i % 3 == 0 ? "GLOBEX" : "ACME", buy ? "BUY" : "SELL", price, 1 + i % 9);
    }

    private static long idOf(SampleClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return response.json().get("id").asLong();
    }

    private static JsonNode awaitJournalHealth(SampleClient client, String status) {
        return await("the journal's health to be " + status).atMost(SampleClient.TIMEOUT)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> client.get("/actuator/health").json().at("/components/journal"),
                        journal -> status.equals(journal.at("/status").asString()));
    }

    /** A write cut short must not leave half a record that a later write continues. */
    private static void assertEveryLineIsWhole(Path file) throws IOException {
        String content = Files.readString(file, StandardCharsets.US_ASCII);
        assertThat(content).endsWith("\n");
        assertThat(content.lines()).allSatisfy(line -> assertThat(line).matches("[A-Z],[^\\n]*,[0-9a-f]{8}"));
    }
}
