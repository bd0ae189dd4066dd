package id.pantau.shared.internal;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When no database connection comes within the pool's wait (overload), an API client gets a 503
 * with Retry-After, so that it sends the same request again later, and a page visitor the error
 * page with that status; never a 500.
 */
class ProblemHandlerUnavailableTest {

    private final ProblemHandler handler = new ProblemHandler();

    @Test
    void anApiRequestWithoutAConnectionGetsA503ProblemWithRetryAfter() {
        var poolTimeout = new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 5000ms");
        Object answer = handler.unavailable(new CannotCreateTransactionException("Could not open JDBC Connection for transaction", poolTimeout),
                new MockHttpServletRequest("POST", "/api/v1/reports"));

        assertThat(answer).isInstanceOf(ResponseEntity.class);
        var entity = (ResponseEntity<?>) answer;
        assertThat(entity.getStatusCode().value()).isEqualTo(503);
        assertThat(entity.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        var problem = (ProblemDetail) entity.getBody();
        assertThat(problem).isNotNull();
        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getInstance()).hasToString("/api/v1/reports");
        assertThat(problem.getDetail()).doesNotContain("Hikari").contains("try again");
    }

    @Test
    void aPageWithoutAConnectionShowsTheErrorPageWith503() {
        Object answer = handler.unavailable(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"),
                new MockHttpServletRequest("GET", "/reports"));

        assertThat(answer).isInstanceOf(ModelAndView.class);
        assertThat(((ModelAndView) answer).getStatus()).isNotNull();
        assertThat(((ModelAndView) answer).getStatus().value()).isEqualTo(503);
    }
}
