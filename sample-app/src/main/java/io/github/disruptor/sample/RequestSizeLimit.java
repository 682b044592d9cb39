package io.github.disruptor.sample;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body at {@code sample.http.max-request-size}: neither Tomcat nor Spring MVC limits a
 * JSON body, so without this a client could make the application read a body of any size. A body that
 * announces a larger {@code Content-Length} is answered 413 before a byte of it is read; a body without
 * one (chunked) is read only up to the limit, then answered 413 the same way. Tomcat then drops the
 * connection rather than read the rest ({@code server.tomcat.max-swallow-size}); the answer is framed
 * (a length, or chunked), so a client that is still sending can read it whole.
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final String limit;
    private final JsonMapper json;

    RequestSizeLimit(SampleProperties properties, JsonMapper json) {
        DataSize max = properties.http().maxRequestSize();
        this.maxBytes = max.toBytes();
        this.limit = max.toBytes() % 1024 == 0 ? max.toKilobytes() + "KB" : max.toBytes() + "B";
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(response, request.getContentLengthLong() + " bytes");
            return;
        }
        chain.doFilter(new LimitedRequest(request), response);
    }

    private void refuse(HttpServletResponse response, String size) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.CONTENT_TOO_LARGE.getReasonPhrase());
        problem.put("status", HttpStatus.CONTENT_TOO_LARGE.value());
        problem.put("detail", tooLarge(size));
        byte[] body = json.writeValueAsBytes(problem);
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private String tooLarge(String size) {
        return "The request body (" + size + ") is larger than " + limit + " (sample.http.max-request-size); an order"
                + " such as " + ApiErrors.ORDER_FORMAT + " needs about 70 bytes";
    }

    /** Thrown by a body that passes the limit while it is read; answered 413 by {@link ApiErrors}. */
    static final class RequestTooLargeException extends IOException {

        RequestTooLargeException(String message) {
            super(message);
        }
    }

    /** A request whose body stream fails once it has delivered more than the limit. */
    private final class LimitedRequest extends HttpServletRequestWrapper {

        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedInputStream(super.getInputStream());
            }
            return limited;
        }
    }

    private final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream body;
        private long read;

        LimitedInputStream(ServletInputStream body) {
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            int next = body.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = body.read(buffer, offset, (int) Math.min(length, maxBytes + 1 - read));
            if (count > 0) {
                count(count);
            }
            return count;
        }

        private void count(int bytes) throws RequestTooLargeException {
            read += bytes;
            if (read > maxBytes) {
                throw new RequestTooLargeException(tooLarge("more than " + maxBytes + " bytes, sent without a length"));
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
