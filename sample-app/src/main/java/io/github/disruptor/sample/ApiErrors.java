package io.github.disruptor.sample;

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
 * Turns every client error into a 400 problem detail that says what was wrong and what is accepted,
 * instead of a stack trace or a bare status.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    static final String ORDER_FORMAT = "{\"symbol\":\"ACME\",\"side\":\"BUY\",\"price\":101.25,\"quantity\":10}";

    @ExceptionHandler
    ProblemDetail invalidOrder(OrderRequest.InvalidOrderException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not an order " + ORDER_FORMAT + ": " + reason(ex));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Class<?> type = ex.getRequiredType();
        String expected = type == long.class || type == int.class ? "a whole number"
                : type == null ? "another value" : "a " + type.getSimpleName();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "'" + ex.getPropertyName() + "' must be " + expected + ", was '" + ex.getValue() + "'");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String reason(HttpMessageNotReadableException ex) {
        if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return "field '" + databind.getPath().get(databind.getPath().size() - 1).getPropertyName() + "': "
                    + databind.getOriginalMessage();
        }
        if (ex.getCause() instanceof JacksonException jackson) {
            return jackson.getOriginalMessage();
        }
        return "the body is missing or unreadable";
    }
}
