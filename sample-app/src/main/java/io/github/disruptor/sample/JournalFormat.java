package io.github.disruptor.sample;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The order journal's format: ASCII text, one record per line, fields separated by commas, and as last
 * field the CRC-32C of everything before it on the line, in eight hex digits. A record that a crash cut
 * short has no newline yet and is dropped on start; a record that does not match its checksum (a write
 * spliced onto a partial one, a damaged disk) is refused, never skipped.
 *
 * <pre>
 * S,2,1764590000000,10000,ACME GLOBEX INITECH,1a2b3c4d     settings: format version, when recorded,
 *                                                          sample.max-order-quantity, sample.symbols
 * O,17,1764590001234,ACME,BUY,10125,10,key-1,5e6f7a8b      order: id, accepted at (epoch ms), symbol,
 *                                                          side, price in cents, quantity, Idempotency-Key
 * </pre>
 *
 * A journal starts with a settings record; another one follows whenever the settings changed between two runs,
 * so every order is replayed under the settings it was validated with.
 */
final class JournalFormat {

    static final int VERSION = 2;
    /** More than the longest order record: two letters, five longs, a symbol, a side, a key of 64, a checksum. */
    static final int MAX_ORDER_RECORD_BYTES = 192;

    private static final byte COMMA = ',';
    private static final byte NEWLINE = '\n';
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final int CHECKSUM_DIGITS = 8;

    private JournalFormat() {
    }

    /** A line of the journal, parsed. */
    sealed interface Record permits SettingsRecord, OrderRecord {
    }

    /** The validation settings in force from this line on. */
    record SettingsRecord(long recordedAt, ValidationRules rules) implements Record {
    }

    /** An accepted order. */
    record OrderRecord(long orderId, long acceptedAt, String symbol, Side side, long price, long quantity,
            String idempotencyKey) implements Record {
    }

    /**
     * Parses one line (without its newline).
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static Record parse(String line) {
        int checksumAt = line.lastIndexOf(',') + 1;
        if (checksumAt == 0 || line.length() - checksumAt != CHECKSUM_DIGITS) {
            throw new IllegalArgumentException("it does not end with a checksum of " + CHECKSUM_DIGITS + " hex digits");
        }
        byte[] content = line.substring(0, checksumAt - 1).getBytes(StandardCharsets.US_ASCII);
        CRC32C crc = new CRC32C();
        crc.update(content);
        String expected = line.substring(checksumAt);
        String actual = hex((int) crc.getValue());
        if (!actual.equals(expected)) {
            throw new IllegalArgumentException("its checksum is " + expected + " but its content's is " + actual
                    + ": the record is damaged or two writes were spliced");
        }
        List<String> fields = Arrays.asList(new String(content, StandardCharsets.US_ASCII).split(",", -1));
        if (fields.get(0).equals("S") && fields.size() > 1 && !fields.get(1).equals(Integer.toString(VERSION))) {
            throw new IllegalArgumentException("it is written in format " + Echo.text(fields.get(1))
                    + "; this version of the sample reads format " + VERSION);
        }
        if (fields.get(0).equals("S") && fields.size() == 5) {
            return new SettingsRecord(Long.parseLong(fields.get(2)),
                    new ValidationRules(List.of(fields.get(4).split(" ")), Long.parseLong(fields.get(3))));
        }
        if (fields.get(0).equals("O") && fields.size() == 8) {
            return new OrderRecord(Long.parseLong(fields.get(1)), Long.parseLong(fields.get(2)), fields.get(3),
                    Side.valueOf(fields.get(4)), Long.parseLong(fields.get(5)), Long.parseLong(fields.get(6)),
                    fields.get(7).isEmpty() ? null : fields.get(7));
        }
        throw new IllegalArgumentException("it is neither a settings record (S and 4 fields) nor an order record"
                + " (O and 7 fields)");
    }

    private static String hex(int value) {
        byte[] digits = new byte[CHECKSUM_DIGITS];
        for (int i = CHECKSUM_DIGITS - 1; i >= 0; i--) {
            digits[i] = HEX[value & 0xF];
            value >>>= 4;
        }
        return new String(digits, StandardCharsets.US_ASCII);
    }

    /** Writes records into a buffer without allocating; one per writing thread. */
    static final class Encoder {

        private final CRC32C crc = new CRC32C();
        private final byte[] digits = new byte[20];

        /** Appends the order's record; the buffer must have {@link #MAX_ORDER_RECORD_BYTES} left. */
        void putOrder(OrderEvent order, ByteBuffer buffer) {
            int start = buffer.position();
            buffer.put((byte) 'O').put(COMMA);
            putLong(buffer, order.orderId()).put(COMMA);
            putLong(buffer, order.acceptedAt()).put(COMMA);
            putAscii(buffer, order.symbol()).put(COMMA);
            putAscii(buffer, order.side().name()).put(COMMA);
            putLong(buffer, order.price()).put(COMMA);
            putLong(buffer, order.quantity()).put(COMMA);
            if (order.idempotencyKey() != null) {
                putAscii(buffer, order.idempotencyKey());
            }
            putChecksum(buffer, start);
        }

        /** A settings record on its own buffer, ready to write. */
        ByteBuffer settings(ValidationRules rules, long recordedAt) {
            String symbols = String.join(" ", rules.symbols());
            ByteBuffer buffer = ByteBuffer.allocate(64 + symbols.length());
            buffer.put((byte) 'S').put(COMMA);
            putLong(buffer, VERSION).put(COMMA);
            putLong(buffer, recordedAt).put(COMMA);
            putLong(buffer, rules.maxOrderQuantity()).put(COMMA);
            putAscii(buffer, symbols);
            putChecksum(buffer, 0);
            return buffer.flip();
        }

        private void putChecksum(ByteBuffer buffer, int start) {
            int end = buffer.position();
            int limit = buffer.limit();
            crc.reset();
            crc.update(buffer.position(start).limit(end));
            buffer.limit(limit);
            int value = (int) crc.getValue();
            buffer.put(COMMA);
            for (int shift = 28; shift >= 0; shift -= 4) {
                buffer.put(HEX[(value >>> shift) & 0xF]);
            }
            buffer.put(NEWLINE);
        }

        private static ByteBuffer putAscii(ByteBuffer buffer, String text) {
            for (int i = 0; i < text.length(); i++) {
                buffer.put((byte) text.charAt(i));
            }
            return buffer;
        }

        private ByteBuffer putLong(ByteBuffer buffer, long value) {
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
}
