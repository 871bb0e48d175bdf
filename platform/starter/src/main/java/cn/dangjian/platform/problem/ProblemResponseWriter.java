package cn.dangjian.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes problem+json from servlet filters and security handlers, which run before Spring MVC and
 * its exception handlers.
 */
public class ProblemResponseWriter {

  private final ProblemFactory problems;
  private final LocaleResolver localeResolver;
  private final JsonMapper json;

  public ProblemResponseWriter(
      ProblemFactory problems, LocaleResolver localeResolver, JsonMapper json) {
    this.problems = problems;
    this.localeResolver = localeResolver;
    this.json = json;
  }

  public void write(
      HttpServletRequest request,
      HttpServletResponse response,
      ProblemType type,
      String detailKey,
      Object... args)
      throws IOException {
    write(
        response,
        problems.create(
            type, detailKey, args, localeResolver.resolveLocale(request), request.getRequestURI()));
  }

  /** The same problem+json a controller's {@link ProblemException} is answered with. */
  public void write(
      HttpServletRequest request, HttpServletResponse response, ProblemException problem)
      throws IOException {
    write(
        response,
        problems.create(problem, localeResolver.resolveLocale(request), request.getRequestURI()));
  }

  private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
