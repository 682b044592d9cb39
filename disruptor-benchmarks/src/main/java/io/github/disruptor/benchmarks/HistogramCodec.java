package io.github.disruptor.benchmarks;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * A histogram as text: HdrHistogram's compressed encoding in Base64. How a fork hands its round
 * trips to the suite, and how {@code results.json} keeps every round's histogram.
 */
final class HistogramCodec {

    private HistogramCodec() {
    }

    static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), buffer.position()));
    }

    /**
     * @param source where the text came from, for the error message
     * @throws IllegalArgumentException naming {@code source} if the text is no encoded histogram
     */
    static Histogram decode(String text, Object source) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(text.trim())), 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the round-trip histogram in " + source
                    + ": expected HdrHistogram's compressed encoding in Base64", e);
        }
    }
}
