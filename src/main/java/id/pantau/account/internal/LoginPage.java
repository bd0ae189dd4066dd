package id.pantau.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The sign-in page; Spring Security handles the form's POST. */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login() {
        return "account/login";
    }

    /** Where {@link LoginThrottleFilter} sends a throttled sign-in: the form again, with 429 and Retry-After. */
    @RequestMapping("/login/throttled")
    String throttled(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object retryAfter = request.getAttribute(LoginThrottleFilter.RETRY_AFTER);
        long seconds = retryAfter instanceof Long value ? value : 60;
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        model.addAttribute("retryAfterMinutes", Math.max(1, (seconds + 59) / 60));
        return "account/login";
    }
}
