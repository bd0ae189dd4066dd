package id.pantau.shared.internal;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses API bodies larger than any valid request needs (413), before anything reads them. A
 * report's longest field is 10,000 characters, so 256 KB leaves ample room. Uploads (multipart)
 * have their own, larger, limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final JsonMapper json;

    RequestSizeLimit(@Value("${pantau.api.max-body-size:256KB}") org.springframework.util.unit.DataSize maxBytes,
                     JsonMapper json) {
        this.maxBytes = maxBytes.toBytes();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !request.getRequestURI().startsWith("/api/")
                || (type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), Map.of(
                    "title", "Request too large", "status", 413,
                    "detail", "The body is larger than " + maxBytes / 1024 + " KB",
                    "instance", request.getRequestURI(),
                    "errors", java.util.List.of(Map.of("field", "body", "code", "body.tooLarge",
                            "message", "at most " + maxBytes / 1024 + " KB"))));
            return;
        }
        chain.doFilter(request, response);
    }
}
