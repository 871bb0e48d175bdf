package cn.dangjian.platform.security;

import cn.dangjian.platform.problem.ProblemResponseWriter;
import cn.dangjian.platform.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 from the security filter chain as problem+json instead of an empty body. */
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final ProblemResponseWriter writer;
  // Sets the RFC 6750 WWW-Authenticate header (with error="invalid_token" when one was sent).
  private final BearerTokenAuthenticationEntryPoint bearer =
      new BearerTokenAuthenticationEntryPoint();

  public ProblemSecurityHandlers(ProblemResponseWriter writer) {
    this.writer = writer;
  }

  @Override
  public void commence(
      HttpServletRequest request,
      HttpServletResponse response,
      AuthenticationException authException)
      throws IOException {
    bearer.commence(request, response, authException);
    writer.write(request, response, ProblemType.UNAUTHORIZED, ProblemType.UNAUTHORIZED.detailKey());
  }

  @Override
  public void handle(
      HttpServletRequest request,
      HttpServletResponse response,
      AccessDeniedException accessDeniedException)
      throws IOException {
    writer.write(request, response, ProblemType.FORBIDDEN, ProblemType.FORBIDDEN.detailKey());
  }
}
