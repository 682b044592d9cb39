package io.github.disruptor.sample;

import java.math.BigDecimal;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a decimal field that must be a JSON number: {@code "quantity": "10"} is refused with a clear message
 * rather than converted, so a client learns at once that it sends the wrong type. The number is kept as
 * written (a {@link BigDecimal} of at most Jackson's 1,000 digits, on a body of at most
 * {@code sample.http.max-request-size}); its magnitude is checked by {@link OrderRequest} before any arithmetic.
 */
final class JsonNumber extends ValueDeserializer<BigDecimal> {

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
        String field = parser.currentName();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            try {
                return parser.getDecimalValue();
            } catch (JacksonException | NumberFormatException | ArithmeticException unreadable) {
                return context.reportInputMismatch(this, "%s must be a number (for example %s), was %s", field,
                        OrderRequest.example(field), Echo.text(parser.getString()));
            }
        }
        String kind = token == JsonToken.VALUE_STRING ? "not a string" : "was " + Echo.text(parser.getString());
        return context.reportInputMismatch(this, "%s must be a JSON number (for example %s), %s", field,
                OrderRequest.example(field), kind);
    }
}
