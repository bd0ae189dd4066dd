package id.pantau.shared.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import id.pantau.shared.ConflictException;
import id.pantau.shared.FieldViolation;
import id.pantau.shared.IdempotencyKeyReusedException;
import id.pantau.shared.InvalidInputException;
import id.pantau.shared.NotFoundException;
import id.pantau.shared.OutOfScopeException;
import id.pantau.shared.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;

/**
 * One place that maps failures to answers. API requests get RFC 9457 problem+json with a
 * per-field {@code errors} list; pages get the error page in the visitor's language. Exception
 * texts of unexpected failures are logged, never shown.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    static final int RETRY_AFTER_BUSY_S = 5;

    @ExceptionHandler
    Object notFound(NotFoundException e, HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, "Not found", e.getMessage(), List.of());
    }

    @ExceptionHandler
    Object invalid(InvalidInputException e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, "Invalid request", "The request has "
                + e.violations().size() + " invalid field(s)", e.violations());
    }

    @ExceptionHandler
    Object conflict(ConflictException e, HttpServletRequest request) {
        FieldViolation violation = e.violation();
        if (isApi(request) && !e.properties().isEmpty()) {
            ProblemDetail problem = problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), request,
                    violation == null ? List.of() : List.of(violation));
            e.properties().forEach(problem::setProperty);
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        return respond(request, HttpStatus.CONFLICT, "Conflict", e.getMessage(),
                violation == null ? List.of() : List.of(violation));
    }

    @ExceptionHandler
    Object outOfScope(OutOfScopeException e, HttpServletRequest request) {
        return respond(request, HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), List.of());
    }

    @ExceptionHandler
    Object keyReused(IdempotencyKeyReusedException e, HttpServletRequest request) {
        return respond(request, HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", e.getMessage(),
                List.of(new FieldViolation("Idempotency-Key", "idempotencyKey.reused", e.getMessage())));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", e.getMessage(), request, List.of());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(problem);
    }

    /**
     * No database connection within the pool's wait (the database is overloaded or away): a 503
     * the client should retry, rather than a 500. The report form's outbox keeps the draft and
     * sends it again with the same Idempotency-Key.
     */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class})
    Object unavailable(Exception e, HttpServletRequest request) {
        log.warn("No database connection for {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        Object answer = respond(request, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                "The service is busy; please try again shortly", List.of());
        if (answer instanceof ResponseEntity<?> entity) {
            return ResponseEntity.status(entity.getStatusCode()).header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_BUSY_S))
                    .body(entity.getBody());
        }
        return answer;
    }

    @ExceptionHandler
    Object unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e; // Spring Security answers these with its own entry points
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side; it has been logged", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = e.getPropertyName() == null ? "value" : e.getPropertyName();
        // a value object's own message says what the format is (e.g. RegionCode); other causes say less
        Throwable cause = e.getMostSpecificCause();
        String detail = cause instanceof IllegalArgumentException && !(cause instanceof NumberFormatException) && cause.getMessage() != null
                ? cause.getMessage() : "'" + e.getValue() + "' is not a valid value for " + field;
        return withErrors(e, status, detail, request, List.of(new FieldViolation(field, "value.invalid", detail)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return withErrors(e, status, e.getParameterName() + " is required", request,
                List.of(new FieldViolation(e.getParameterName(), "required", "is required")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        JacksonException jackson = null;
        for (Throwable cause = e.getCause(); cause != null && jackson == null; cause = cause.getCause()) {
            if (cause instanceof JacksonException found && !found.getPath().isEmpty()) {
                jackson = found;
            }
        }
        if (jackson != null) {
            String field = jackson.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return withErrors(e, status, "The value of " + field + " has the wrong type or format", request,
                    List.of(new FieldViolation(field, "value.invalid", "has the wrong type or format")));
        }
        return withErrors(e, status, "The request body is missing or is not valid JSON", request,
                List.of(new FieldViolation("body", "body.unreadable", "is missing or is not valid JSON")));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            org.springframework.web.multipart.MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return withErrors(e, status, "The upload is larger than allowed (10 MB per file)", request,
                List.of(new FieldViolation("file", "file.tooLarge", "at most 10 MB per file")));
    }

    /** Framework failures on pages go on to Boot's error page; only API requests get problem+json. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (!isApi(((ServletWebRequest) request).getRequest())) {
            throw sneaky(e);
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private ResponseEntity<Object> withErrors(Exception e, HttpStatusCode status, String detail, WebRequest request,
                                              List<FieldViolation> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, new HttpHeaders(), status, request);
    }

    private Object respond(HttpServletRequest request, HttpStatus status, String title, String detail,
                           List<FieldViolation> errors) {
        if (isApi(request)) {
            return ResponseEntity.status(status).body(problem(status, title, detail, request, errors));
        }
        return new ModelAndView("error", Map.of("status", status.value(), "errors", errors), status);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, HttpServletRequest request,
                                         List<FieldViolation> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/actuator/");
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
        throw (E) e;
    }
}
