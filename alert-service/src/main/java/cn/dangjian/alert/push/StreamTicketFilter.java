package cn.dangjian.alert.push;

import cn.dangjian.platform.problem.ProblemResponseWriter;
import cn.dangjian.platform.problem.ProblemType;
import cn.dangjian.platform.security.KeycloakJwtAuthenticationConverter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code GET /api/alerts/stream?ticket=…} without {@code Authorization}: the ticket is redeemed and
 * its caller becomes the request's authentication, exactly as the token that bought it would have
 * (roles by the same converter, the data scope from the same claims). Registered for that path
 * only, before Spring Security (which loads the context from the request attribute set here); an
 * invalid, used or expired ticket is a 401 problem. The ticket is never logged.
 */
class StreamTicketFilter extends OncePerRequestFilter {

  static final String PATH = "/api/alerts/stream";

  private final StreamTickets tickets;
  private final KeycloakJwtAuthenticationConverter converter;
  private final ProblemResponseWriter problems;
  private final RequestAttributeSecurityContextRepository contexts =
      new RequestAttributeSecurityContextRepository();

  StreamTicketFilter(
      StreamTickets tickets,
      KeycloakJwtAuthenticationConverter converter,
      ProblemResponseWriter problems) {
    this.tickets = tickets;
    this.converter = converter;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod())
        || !PATH.equals(request.getRequestURI())
        || request.getParameter("ticket") == null
        || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Jwt> holder = tickets.redeem(request.getParameter("ticket"));
    if (holder.isEmpty()) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
      problems.write(request, response, ProblemType.UNAUTHORIZED, "alert.stream.ticket-invalid");
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(converter.convert(holder.get()));
    contexts.saveContext(context, request, response);
    chain.doFilter(request, response);
  }
}
