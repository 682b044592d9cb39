package io.github.disruptor.sample;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The latest book snapshot per symbol. The matching engine replaces a symbol's snapshot at the end of
 * each batch that changed its book, so HTTP threads read immutable snapshots and never the live book.
 */
@Component
public class MarketData {

    /** How many price levels per side a snapshot holds. */
    static final int DEPTH = 20;

    private final Map<String, BookView> books = new ConcurrentHashMap<>();

    void update(BookView book) {
        books.put(book.symbol(), book);
    }

    /** Kafka mode: the symbol's partition moved to another instance, which shows its book from now on. */
    void remove(String symbol) {
        books.remove(symbol);
    }

    /** The latest snapshot of {@code symbol}'s book, if it ever changed. */
    public Optional<BookView> book(String symbol) {
        return Optional.ofNullable(books.get(symbol));
    }
}
