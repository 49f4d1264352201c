package com.canon.cps.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body. Non-multipart bodies (JSON, CSV, XML) by {@code cps.http.max-json-body-bytes}; multipart
 * bodies by {@code spring.servlet.multipart.max-request-size} (so that a body merely labelled {@code multipart/} does not
 * skip the cap, issue 16 finding 7). A declared length over the cap is refused before reading; a chunked body is counted
 * while read and fails with {@link PayloadTooLargeException} when it passes the cap. Each part of a multipart upload
 * is further limited by {@code spring.servlet.multipart.max-file-size}.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long jsonLimit;
    private final long multipartLimit;

    public BodySizeLimitFilter(long limit) {
        this(limit, limit);
    }

    public BodySizeLimitFilter(long jsonLimit, long multipartLimit) {
        this.jsonLimit = jsonLimit;
        this.multipartLimit = multipartLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        boolean multipart =
                contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
        long limit = multipart ? multipartLimit : jsonLimit;
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Payload too large\",\"status\":413,"
                            + "\"detail\":\"The request body exceeds " + limit + " bytes\"}");
            // sent now: the container then drains the unread body (server.tomcat.max-swallow-size) or, over that,
            // closes the connection, and an answer still in its buffer would be lost with it
            response.flushBuffer();
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(long n) throws IOException {
                    read += n;
                    if (read > limit) {
                        throw new PayloadTooLargeException(limit);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
