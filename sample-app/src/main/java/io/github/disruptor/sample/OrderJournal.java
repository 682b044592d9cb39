package io.github.disruptor.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.EventHandler;
import io.github.disruptor.core.HandlerMonitor;
import io.github.disruptor.spring.DisruptorHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.BeanNameAware;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Stage 0, beside validation: appends every accepted order to {@code orders.journal} ({@link JournalFormat})
 * and writes the buffered records at the end of each batch. The busier the ring, the larger the batches
 * and the fewer the writes; an idle ring writes each order at once. {@code POST /orders} answers 202 only
 * once the journal has written the order ({@link #awaitWritten}).
 *
 * <p>The journal is the system of record: on start, {@link #replay} feeds every record back through
 * validation and matching, before the ring accepts new orders.
 *
 * <p><b>When the disk fails.</b> Matching (stage 1) waits for this handler, so an order can reach it only
 * after {@code onEvent} returned for the batch that holds it. A failed write therefore never returns: the
 * journal cuts the file back to its last whole record (so the next attempt cannot splice onto half a
 * record), pauses, and writes the whole batch again, up to {@code sample.journal.retry.max-attempts}; health
 * says RETRYING meanwhile. When the attempts run out, or forcing to the disk fails (after a failed fsync the
 * kernel may have dropped the data, so a retry could "succeed" without it), the journal halts: it waits
 * until the handlers behind it have caught up with the last written order, halts the ring, and leaves
 * {@code onEvent} only once their threads have ended, so no handler ever sees an order the journal did not
 * write. New orders are refused with 503 from then on.
 *
 * <p>Why not the starter's failure handling ({@code @DisruptorHandler(retryAttempts, batchRewind)} and a
 * halting exception handler): a batch rewind would fit a journal that writes its batch as a unit (a retry
 * hands the whole batch over again, a halt stops before it), but a {@code RetryPolicy} retries every
 * failure, and after a failed {@code fsync} this journal must halt without another attempt (the kernel may
 * have dropped the data, so a retry could "succeed" without it). Holding the batch inside {@code onEvent}
 * keeps that rule, and the attempt count and reason that health and the 503 answers report.
 *
 * <p>A class-level handler, named after its bean: {@code orderJournal}.
 */
@ConditionalOnSampleMode(SampleMode.STANDALONE)
@DisruptorHandler(ring = "orders", stage = 0)
public class OrderJournal implements EventHandler<OrderEvent>, BeanNameAware, DisposableBean {

    static final String FILE_NAME = "orders.journal";
    /** The sequence an order journaled before this run stands at: written, whatever this run does. */
    static final long BEFORE_THIS_RUN = Long.MIN_VALUE;

    private static final Log logger = LogFactory.getLog(OrderJournal.class);
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(2);
    private static final long REPORT_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** Enough for any whole record; a damaged line can be of any length. */
    private static final int MAX_LINE_SHOWN = 256;

    private final Path file;
    private final boolean fsync;
    private final SampleProperties.Retry retry;
    private final ObjectProvider<Disruptor<OrderEvent>> ring;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private final JournalFormat.Encoder encoder = new JournalFormat.Encoder();
    /** The ring sequence of the last order written to the file in this run. */
    private final AwaitableSequence written = new AwaitableSequence();
    private volatile JournalStatus status = JournalStatus.WRITING;
    private volatile long size;
    private String handlerName = "orderJournal";
    private long lastBufferedSequence = -1;
    private int bufferedOrders;

    /**
     * Opens the journal and drops a record a crash left incomplete at its end.
     *
     * @param ring the ring this journal feeds, to stop it if the journal halts; may be empty outside a ring
     */
    public OrderJournal(SampleProperties properties, ObjectProvider<Disruptor<OrderEvent>> ring) {
        this.file = properties.journal().directory().resolve(FILE_NAME).toAbsolutePath();
        this.fsync = properties.journal().fsync();
        this.retry = properties.journal().retry();
        this.ring = ring;
        try {
            Files.createDirectories(file.getParent());
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            this.size = dropTornRecord();
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot open the order journal " + file
                    + " (sample.journal.directory): " + ex.getMessage(), ex);
        }
    }

    @Override
    public void setBeanName(String name) {
        this.handlerName = name;
    }

    /** The journal file. */
    public Path file() {
        return file;
    }

    /** Bytes of whole records in the file. */
    long size() {
        return size;
    }

    JournalStatus status() {
        return status;
    }

    /** How many orders this run has written. */
    long ordersWritten() {
        return written.get() + 1;
    }

    @Override
    public void onEvent(OrderEvent order, long sequence, boolean endOfBatch) {
        if (status.state() == JournalStatus.State.HALTED) {
            return; // reached only after every handler behind the journal has stopped: nobody sees this order
        }
        if (buffer.remaining() < JournalFormat.MAX_ORDER_RECORD_BYTES) {
            // a batch larger than the buffer is written in parts: each part's orders are acknowledged once
            // written, while the stages behind still wait for the end of the batch
            commit();
        }
        encoder.putOrder(order, buffer);
        lastBufferedSequence = sequence;
        bufferedOrders++;
        if (endOfBatch) {
            commit();
        }
    }

    /**
     * Waits until the order published at {@code sequence} is written, the journal halts, or the time runs out.
     * Orders replayed on start stand at {@link #BEFORE_THIS_RUN} and are written.
     */
    boolean awaitWritten(long sequence, Duration timeout) {
        try {
            return written.awaitAtLeast(sequence, timeout.toNanos(), TimeUnit.NANOSECONDS,
                    () -> status.state() == JournalStatus.State.HALTED);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Why an order is refused before it is even published: the journal has halted; {@code null} otherwise. */
    String refusal() {
        JournalStatus current = status;
        return current.state() == JournalStatus.State.HALTED ? halted(current) : null;
    }

    /** Why {@link #awaitWritten} returned {@code false} after waiting {@code waited}. */
    String whyNotWritten(Duration waited) {
        JournalStatus current = status;
        if (current.state() == JournalStatus.State.HALTED) {
            return halted(current);
        }
        String cause = current.state() == JournalStatus.State.RETRYING
                ? ": it is retrying after a failed write (" + current.reason() + ")" : "";
        return "the order journal has not written the order within " + text(waited) + " (sample.journal.ack-timeout)"
                + cause + ". The order was not acknowledged but may still be journaled and executed: retry with the"
                + " same Idempotency-Key to find out without placing it twice";
    }

    /**
     * Feeds every record, oldest first, to {@code replayer}. Call it before the ring starts, while the
     * journal cannot grow.
     *
     * @return how many orders were replayed
     * @throws UnreadableJournalException naming the file and line if a record cannot be read (an accepted order
     *         is never skipped silently)
     * @throws IllegalStateException if {@code replayer} throws
     */
    long replay(Replayer replayer) {
        OrderEvent event = new OrderEvent();
        long orders = 0;
        long lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                JournalFormat.Record record = read(line, lineNumber);
                try {
                    if (record instanceof JournalFormat.SettingsRecord settings) {
                        replayer.settings(settings.rules(), Instant.ofEpochMilli(settings.recordedAt()), lineNumber);
                    } else if (record instanceof JournalFormat.OrderRecord order) {
                        event.place(order.orderId(), order.acceptedAt(), order.symbol(), order.side(), order.price(),
                                order.quantity(), order.idempotencyKey());
                        replayer.order(event);
                        orders++;
                    }
                } catch (RuntimeException ex) {
                    throw new IllegalStateException("Replaying line " + lineNumber + " of the order journal " + file
                            + " failed: " + ex.getMessage(), ex);
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the order journal " + file + ": " + ex.getMessage(), ex);
        }
        return orders;
    }

    /**
     * Appends a settings record and forces it to the disk: the orders after it were validated under these rules.
     * Call it before the ring starts.
     */
    void recordSettings(ValidationRules rules) {
        ByteBuffer record = encoder.settings(rules, System.currentTimeMillis());
        try {
            while (record.hasRemaining()) {
                channel.write(record, size + record.position());
            }
            channel.force(false);
        } catch (IOException ex) {
            cutBackToWholeRecords();
            throw new UncheckedIOException("Cannot record the settings (" + rules + ") in the order journal " + file
                    + ": " + ex.getMessage(), ex);
        }
        size += record.limit();
    }

    /** One line when the ring has stopped: whether every accepted order is in the file. */
    @Override
    public void onShutdown() {
        JournalStatus current = status;
        if (current.state() == JournalStatus.State.HALTED) {
            logger.warn("Order journal stopped after it had halted (" + current.reason() + "): " + orders(ordersWritten())
                    + " journaled in this run, the last whole record ends at byte " + size + " of " + file);
            return;
        }
        String forced = "forced to the disk";
        try {
            channel.force(false);
        } catch (IOException ex) {
            forced = "NOT forced to the disk: " + ex.getMessage();
        }
        Disruptor<OrderEvent> orders = ring.getIfAvailable();
        long cursor = orders == null ? written.get() : orders.monitor().cursor();
        if (written.get() >= cursor) {
            logger.info("Order journal closed after the ring drained: " + orders(ordersWritten()) + " journaled in this"
                    + " run, every accepted order is in " + file + " (" + size + " bytes, " + forced + ")");
        } else {
            logger.warn("Order journal stopped before the ring drained: the orders at sequences " + (written.get() + 1)
                    + " to " + cursor + " were never journaled nor acknowledged; " + orders(ordersWritten())
                    + " journaled in this run are in " + file + " (" + size + " bytes, " + forced + ")");
        }
    }

    @Override
    public void destroy() throws IOException {
        channel.close();
    }

    /** Writes the buffered records; returns only once they are written, or once the journal has halted the ring. */
    private void commit() {
        if (bufferedOrders == 0) {
            return;
        }
        buffer.flip();
        for (int attempt = 1; ; attempt++) {
            try {
                buffer.rewind();
                while (buffer.hasRemaining()) {
                    channel.write(buffer, size + buffer.position());
                }
            } catch (IOException failure) {
                cutBackToWholeRecords();
                if (attempt == retry.maxAttempts() || !pauseBeforeRetry(failure, attempt)) {
                    halt(failure, attempt);
                    return;
                }
                continue;
            }
            if (fsync) {
                try {
                    channel.force(false);
                } catch (IOException failure) {
                    halt(failure, attempt);
                    return;
                }
            }
            break;
        }
        size += buffer.limit();
        buffer.clear();
        bufferedOrders = 0;
        if (status.state() != JournalStatus.State.WRITING) {
            logger.info("Order journal " + file + " writes again, after " + status.failedAttempts()
                    + " failed attempt(s) since " + status.since() + " (" + status.reason() + ")");
            status = JournalStatus.WRITING;
        }
        written.set(lastBufferedSequence);
    }

    /** @return {@code false} if the pause was interrupted: the ring is being stopped, so stop retrying */
    private boolean pauseBeforeRetry(IOException failure, int attempt) {
        Duration pause = retry.backOff().multipliedBy(1L << Math.min(attempt - 1, 20));
        pause = pause.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : pause;
        status = status.retrying(reason(failure), attempt);
        logger.warn("Order journal " + file + " could not write " + orders(bufferedOrders) + " (attempt " + attempt
                + " of " + retry.maxAttempts() + ", sample.journal.retry.max-attempts): " + reason(failure)
                + "; the ring waits at this batch, trying again in " + text(pause));
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void halt(IOException failure, int attempts) {
        status = status.halted(reason(failure), attempts);
        written.wakeWaiters();
        logger.error("Order journal " + file + " HALTED after " + attempts + " failed attempt(s) to write "
                + orders(bufferedOrders) + ": " + reason(failure) + ". No handler behind the journal sees them: the ring"
                + " stops at the last order written (" + ordersWritten() + " in this run), new orders are refused with 503 and"
                + " health is DOWN. Fix the disk and restart: the journal is replayed on start.", failure);
        stopTheRingBehindTheJournal();
    }

    /**
     * Lets the handlers behind the journal finish every order it wrote, halts the ring, and returns only once
     * their threads have ended: from then on nothing can pass the orders the journal did not write.
     */
    private void stopTheRingBehindTheJournal() {
        Disruptor<OrderEvent> orders = ring.getIfAvailable();
        if (orders == null) {
            return;
        }
        List<HandlerMonitor> behind = orders.monitor().handlers().stream()
                .filter(handler -> !handler.name().equals(handlerName)).toList();
        long heldAt = orders.monitor().handlers().stream().filter(handler -> handler.name().equals(handlerName))
                .mapToLong(HandlerMonitor::sequence).min().orElse(written.get());
        // an interrupt (the ring's shutdown giving up on its drain) must not cut these waits short: kept for later
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + REPORT_NANOS;
        while (behind.stream().anyMatch(handler -> handler.sequence() < heldAt && handler.isThreadAlive())
                && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            interrupted |= Thread.interrupted();
        }
        orders.halt();
        long nextReport = System.nanoTime() + REPORT_NANOS;
        while (behind.stream().anyMatch(HandlerMonitor::isThreadAlive)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            interrupted |= Thread.interrupted();
            if (System.nanoTime() - nextReport > 0) {
                nextReport += REPORT_NANOS;
                logger.warn("Order journal waits for the handlers behind it to stop before it lets go of the orders"
                        + " it could not write: " + behind);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** After a failed write: the file ends with the last whole record again, or the next write overwrites the rest. */
    private void cutBackToWholeRecords() {
        try {
            channel.truncate(size);
        } catch (IOException ex) {
            logger.warn("Order journal " + file + " could not cut a failed write back to byte " + size + " ("
                    + ex.getMessage() + "); the next attempt writes over it from that byte");
        }
    }

    /** A crash in the middle of a write leaves a last line without its newline: it was never complete. */
    private long dropTornRecord() throws IOException {
        long length = channel.size();
        long complete = length;
        ByteBuffer tail = ByteBuffer.allocate(JournalFormat.MAX_ORDER_RECORD_BYTES);
        while (complete > 0) {
            tail.clear();
            long from = Math.max(0, complete - tail.capacity());
            tail.limit((int) (complete - from));
            while (tail.hasRemaining() && channel.read(tail, from + tail.position()) >= 0) {
                // positional reads of a file may return short
            }
            int newline = tail.position() - 1;
            while (newline >= 0 && tail.get(newline) != '\n') {
                newline--;
            }
            if (newline >= 0) {
                complete = from + newline + 1;
                break;
            }
            complete = from;
        }
        if (complete < length) {
            logger.warn("The order journal " + file + " ends with an incomplete record of " + (length - complete)
                    + " bytes, left by a crash or a failed write; dropping it. A crash of the process cannot drop an"
                    + " acknowledged order this way (202 follows a whole write); a power cut can, unless"
                    + " sample.journal.fsync=true");
            channel.truncate(complete);
        }
        return complete;
    }

    private JournalFormat.Record read(String line, long lineNumber) {
        try {
            JournalFormat.Record record = JournalFormat.parse(line);
            if (lineNumber == 1 && !(record instanceof JournalFormat.SettingsRecord)) {
                throw new IllegalArgumentException("a journal starts with a settings record");
            }
            return record;
        } catch (IllegalArgumentException ex) {
            throw new UnreadableJournalException(file, lineNumber, "Line " + lineNumber + " of the order journal " + file
                    + " cannot be read (" + ex.getMessage() + "): " + Echo.text(line, MAX_LINE_SHOWN) + ". It is never skipped"
                    + " silently, so the application does not start; a journal written by an older version of the"
                    + " sample cannot be read either.", ex);
        }
    }

    private static String reason(IOException failure) {
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }

    private static String halted(JournalStatus status) {
        return "the order journal cannot write (" + status.reason() + ") and has halted: no order is accepted until the"
                + " disk is fixed and the service restarted; this order was not acknowledged";
    }

    private static String orders(long count) {
        return count == 1 ? "1 order" : count + " orders";
    }

    /** {@code 5s}, {@code 250ms}: durations as they are written in application.yml. */
    static String text(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** A line of the journal that is not a whole, intact record; see {@link JournalFailureAnalyzer}. */
    static final class UnreadableJournalException extends IllegalStateException {

        private final transient Path file;
        private final long lineNumber;

        UnreadableJournalException(Path file, long lineNumber, String message, Throwable cause) {
            super(message, cause);
            this.file = file;
            this.lineNumber = lineNumber;
        }

        Path file() {
            return file;
        }

        long lineNumber() {
            return lineNumber;
        }
    }

    /** Receives the journal's records on replay. */
    interface Replayer {

        /** The orders after this line were validated under {@code rules}. */
        void settings(ValidationRules rules, Instant recordedAt, long lineNumber);

        /** An accepted order, in a reused event. */
        void order(OrderEvent order);
    }
}
