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

import io.github.disruptor.core.EventHandler;
import io.github.disruptor.spring.DisruptorHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Stage 0, beside validation: appends every accepted order to {@code orders.journal}, one text line
 * per order ({@code orderId,acceptedAt,symbol,side,price,quantity}), and writes the buffered lines to
 * the file at the end of each batch. The busier the ring, the larger the batches and the fewer the
 * writes; an idle ring writes each order at once.
 *
 * <p>The journal is the system of record: on start, {@link #replay(EventHandler)} feeds every journaled
 * order back through validation and matching, before the ring accepts new orders.
 *
 * <p>A class-level handler, named after its bean: {@code orderJournal}.
 */
@DisruptorHandler(ring = "orders", stage = 0)
public class OrderJournal implements EventHandler<OrderEvent>, DisposableBean {

    static final String FILE_NAME = "orders.journal";

    private static final Log logger = LogFactory.getLog(OrderJournal.class);
    /** More than the longest record: two 19-digit longs, a symbol, a side, two more longs, separators. */
    private static final int MAX_RECORD_BYTES = 128;

    private final Path file;
    private final boolean fsync;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
    private final byte[] digits = new byte[20];

    public OrderJournal(SampleProperties properties) {
        this.file = properties.journal().directory().resolve(FILE_NAME).toAbsolutePath();
        this.fsync = properties.journal().fsync();
        try {
            Files.createDirectories(file.getParent());
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            dropTornRecord();
            channel.position(channel.size());
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot open the order journal " + file
                    + " (sample.journal.directory): " + ex.getMessage(), ex);
        }
    }

    /** The journal file. */
    public Path file() {
        return file;
    }

    @Override
    public void onEvent(OrderEvent order, long sequence, boolean endOfBatch) throws IOException {
        if (buffer.remaining() < MAX_RECORD_BYTES) {
            writeBuffer();
        }
        putLong(order.orderId()).put((byte) ',');
        putLong(order.acceptedAt()).put((byte) ',');
        putAscii(order.symbol()).put((byte) ',');
        putAscii(order.side().name()).put((byte) ',');
        putLong(order.price()).put((byte) ',');
        putLong(order.quantity()).put((byte) '\n');
        if (endOfBatch) {
            writeBuffer();
            if (fsync) {
                channel.force(false);
            }
        }
    }

    /**
     * Feeds every journaled order, oldest first, to {@code replayer} as if the journal were the ring: one
     * reused event, sequences from 0, {@code endOfBatch} on the last order. Call it before the ring
     * starts, while the journal cannot grow.
     *
     * @return how many orders were replayed
     * @throws IllegalStateException if a line is not a journal record (an accepted order is never
     *         skipped silently), or if {@code replayer} throws
     */
    public long replay(EventHandler<OrderEvent> replayer) {
        OrderEvent event = new OrderEvent();
        long sequence = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String next = reader.readLine();
            while (next != null) {
                String line = next;
                next = reader.readLine();
                parse(line, sequence + 1, event);
                try {
                    replayer.onEvent(event, sequence, next == null);
                } catch (Exception ex) {
                    throw new IllegalStateException("Replaying line " + (sequence + 1) + " of the order journal "
                            + file + " (" + event + ") failed", ex);
                }
                sequence++;
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the order journal " + file + ": " + ex.getMessage(), ex);
        }
        return sequence;
    }

    @Override
    public void destroy() throws IOException {
        channel.close();
    }

    private void parse(String line, long lineNumber, OrderEvent event) {
        String[] fields = line.split(",", -1);
        try {
            if (fields.length != 6) {
                throw new IllegalArgumentException("expected 6 fields, found " + fields.length);
            }
            event.place(Long.parseLong(fields[0]), Long.parseLong(fields[1]), fields[2], Side.valueOf(fields[3]),
                    Long.parseLong(fields[4]), Long.parseLong(fields[5]));
        } catch (IllegalArgumentException ex) {
            throw new IllegalStateException("Line " + lineNumber + " of the order journal " + file
                    + " is not a record orderId,acceptedAt,symbol,side,price,quantity: '" + line + "' ("
                    + ex.getMessage() + "). Repair or move the file; it is never skipped silently.", ex);
        }
    }

    /** A crash in the middle of a write leaves a last line without its newline: it was never complete. */
    private void dropTornRecord() throws IOException {
        long size = channel.size();
        long complete = size;
        ByteBuffer tail = ByteBuffer.allocate(MAX_RECORD_BYTES);
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
        if (complete < size) {
            logger.warn("The order journal " + file + " ends with an incomplete record of " + (size - complete)
                    + " bytes, left by a crash during a write; dropping it");
            channel.truncate(complete);
        }
    }

    private void writeBuffer() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    private ByteBuffer putAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            buffer.put((byte) text.charAt(i));
        }
        return buffer;
    }

    private ByteBuffer putLong(long value) {
        if (value < 0) {
            buffer.put((byte) '-');
        }
        long rest = value;
        int count = 0;
        do {
            digits[count++] = (byte) ('0' + Math.abs(rest % 10));
            rest /= 10;
        } while (rest != 0);
        while (count > 0) {
            buffer.put(digits[--count]);
        }
        return buffer;
    }
}
