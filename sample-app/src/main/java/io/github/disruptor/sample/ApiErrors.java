package io.github.disruptor.sample;

import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every client error into a problem detail (RFC 9457) that says what was wrong and what is accepted,
 * instead of a stack trace or a bare status. A wrong field is named in the detail and, as a JSON pointer
 * into the body, in the {@code errors} member: {@code "errors":[{"pointer":"#/quantity","detail":"..."}]}.
 * Messages repeat at most a short prefix of the client's value ({@link Echo}).
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    static final String ORDER_FORMAT = "{\"symbol\":\"ACME\",\"side\":\"BUY\",\"price\":101.25,\"quantity\":10}";
    private static final int MAX_PARSER_MESSAGE = 200;

    @ExceptionHandler
    ProblemDetail invalidOrder(OrderRequest.InvalidOrderException ex) {
        return badRequest(ex.getMessage(), ex.errors());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestSizeLimit.RequestTooLargeException tooLarge = cause(ex, RequestSizeLimit.RequestTooLargeException.class);
        if (tooLarge != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
            return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        ProblemDetail problem;
        if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()
                && databind.getPath().get(databind.getPath().size() - 1).getPropertyName() != null) {
            String field = databind.getPath().get(databind.getPath().size() - 1).getPropertyName();
            String message = shortened(databind.getOriginalMessage());
            String detail = message.startsWith(field + " ") ? message : "field '" + field + "': " + message;
            problem = badRequest(detail, List.of(new OrderRequest.FieldError(field, detail)));
        } else {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The request body is not an order " + ORDER_FORMAT + ": " + (ex.getCause() instanceof JacksonException
                            jackson ? shortened(jackson.getOriginalMessage()) : "the body is missing or unreadable"));
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Class<?> type = ex.getRequiredType();
        String expected = type == long.class || type == int.class ? "a whole number"
                : type == null ? "another value" : "a " + type.getSimpleName();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "'" + ex.getPropertyName() + "' must be " + expected + ", was "
                        + Echo.text(String.valueOf(ex.getValue())));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail badRequest(String detail, List<OrderRequest.FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", errors.stream()
                .map(error -> Map.of("pointer", "#/" + error.field(), "detail", error.detail())).toList());
        return problem;
    }

    /** A parser's message is about the client's input: bounded, like any echo. */
    private static String shortened(String message) {
        if (message == null) {
            return "unreadable";
        }
        return message.length() <= MAX_PARSER_MESSAGE ? message : message.substring(0, MAX_PARSER_MESSAGE) + "…";
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
