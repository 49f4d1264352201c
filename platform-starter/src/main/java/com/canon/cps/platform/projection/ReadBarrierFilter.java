package com.canon.cps.platform.projection;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A read ({@code GET}) that carries {@value #HEADER} waits at the {@link ReadBarrier} before it is served, at most
 * {@code maxWait}: a client that just wrote sees its write (ADR 17). The answer says whether the barrier was reached
 * ({@code Cps-Read-Barrier: reached} or {@code timeout}); a timeout still serves what the views hold.
 */
public class ReadBarrierFilter extends OncePerRequestFilter {

    public static final String HEADER = "Cps-Read-Barrier";

    private final ReadBarrier barrier;
    private final Duration maxWait;

    public ReadBarrierFilter(ReadBarrier barrier, Duration maxWait) {
        this.barrier = barrier;
        this.maxWait = maxWait;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !"GET".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HEADER, barrier.await(maxWait) ? "reached" : "timeout");
        chain.doFilter(request, response);
    }
}
