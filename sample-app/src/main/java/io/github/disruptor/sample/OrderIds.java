package io.github.disruptor.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

/**
 * Order ids that never repeat, across restarts and whatever happened to the journal's tail. Ids are handed
 * out from blocks of {@value #BLOCK} reserved durably before their first id is used: the file
 * {@code order-ids} beside the journal holds the highest id reserved, replaced atomically (a new file, forced
 * to the disk, renamed over the old one). On start, numbering continues above both that mark and the highest
 * journaled id. A journal that lost its tail (a power cut with {@code sample.journal.fsync=false}, a torn
 * record) can therefore not make an id that was already answered come back; a restart skips what was left
 * of the last block.
 */
@ConditionalOnSampleMode(SampleMode.STANDALONE)
@Component
class OrderIds {

    static final String FILE_NAME = "order-ids";
    static final long BLOCK = 1_000;

    private static final Log logger = LogFactory.getLog(OrderIds.class);

    private final Path file;
    private final AtomicLong lastId = new AtomicLong();
    private volatile long reservedUpTo;

    OrderIds(SampleProperties properties) {
        this.file = properties.journal().directory().resolve(FILE_NAME).toAbsolutePath();
        this.reservedUpTo = readReservation();
        this.lastId.set(reservedUpTo);
    }

    /**
     * The next id.
     *
     * @throws OrderIdsUnavailableException if a new block cannot be reserved (the disk is full, for example)
     */
    long next() {
        long id = lastId.incrementAndGet();
        if (id > reservedUpTo) {
            reserveThrough(id);
        }
        return id;
    }

    /** Continues numbering after a journaled order, so ids stay unique even if {@code order-ids} was lost. */
    void resumeAfter(long orderId) {
        lastId.accumulateAndGet(orderId, Math::max);
    }

    private synchronized void reserveThrough(long id) {
        if (id <= reservedUpTo) {
            return;
        }
        long mark = (id / BLOCK + 1) * BLOCK;
        Path next = file.resolveSibling(FILE_NAME + ".next");
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(StandardCharsets.US_ASCII.encode(mark + "\n"));
                channel.force(true);
            }
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
                directory.force(true);
            }
        } catch (IOException ex) {
            throw new OrderIdsUnavailableException("cannot reserve order ids up to " + mark + " in " + file.getFileName()
                    + " (" + ex.getMessage() + "); no id is handed out that is not reserved on the disk");
        }
        reservedUpTo = mark;
    }

    private long readReservation() {
        if (!Files.exists(file)) {
            return 0;
        }
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            long mark = Long.parseLong(text);
            logger.info("Order ids continue above " + mark + " (reserved in " + file + ")");
            return mark;
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the order id reservation " + file + ": " + ex.getMessage(), ex);
        } catch (NumberFormatException ex) {
            throw new IllegalStateException("The order id reservation " + file + " does not hold a number: "
                    + ex.getMessage() + ". Write into it a number above every order id ever answered (for example the"
                    + " highest id in the journal plus " + BLOCK + ").", ex);
        }
    }

    /** No id can be handed out: nothing was published. */
    static final class OrderIdsUnavailableException extends RuntimeException {

        OrderIdsUnavailableException(String message) {
            super(message);
        }
    }
}
