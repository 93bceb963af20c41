package dev.imagesync.serve;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards the {@code /jobs} endpoints: without a configured token they do not exist (404); with one, a request
 * must carry {@code Authorization: Bearer <token>} (else 401). Compared in constant time; never logged.
 */
public class BearerTokenGuard implements HandlerInterceptor {

    private final byte[] expected;

    public BearerTokenGuard(String token) {
        this.expected = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (expected == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "job endpoints are off: no imagesync.serve.token");
            return false;
        }
        String given = request.getHeader("Authorization");
        if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            response.setHeader("WWW-Authenticate", "Bearer");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "a valid bearer token is required");
            return false;
        }
        return true;
    }
}
