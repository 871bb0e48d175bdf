package cn.dangjian.member.privacy;

import cn.dangjian.platform.problem.ProblemFactory;
import cn.dangjian.platform.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * 429 as problem+json. The starter has no 429 type yet, so this uses the gateway's type URI ({@code
 * …/problems/too-many-requests}) for the same meaning; it runs before the starter's catch-all
 * handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RateLimitProblemHandler {

  static final URI TYPE = URI.create(ProblemType.BASE_URI + "too-many-requests");

  private final ProblemFactory problems;

  RateLimitProblemHandler(ProblemFactory problems) {
    this.problems = problems;
  }

  @ExceptionHandler(RateLimitedException.class)
  ResponseEntity<ProblemDetail> handle(RateLimitedException ex, HttpServletRequest request) {
    // built as a 400 to reuse the factory's localisation and trace id, then set to 429
    ProblemDetail problem =
        problems.create(
            ProblemType.BAD_REQUEST,
            "privacy.rate-limited",
            new Object[] {ex.retryAfterSeconds()},
            LocaleContextHolder.getLocale(),
            request.getRequestURI());
    problem.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    problem.setType(TYPE);
    problem.setTitle(
        problems.message(
            "problem.title.too-many-requests",
            null,
            LocaleContextHolder.getLocale(),
            HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase()));
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
