package cn.dangjian.platform.security;

import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The integration client reads platform-wide and writes nothing: its data scope is "everything", so
 * any write it could make (a discussion post into any branch, an alert acknowledged anywhere) would
 * be a write into every branch. A caller whose only platform role is {@code integration} may use
 * GET, HEAD and OPTIONS; every other method is 403, whatever a controller's own rules say.
 */
public final class ReadOnlyIntegration
    implements AuthorizationManager<RequestAuthorizationContext> {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final Set<String> PERSON_ROLES =
      Set.of(
          "ROLE_" + Roles.PLATFORM_ADMIN,
          "ROLE_" + Roles.SECRETARY,
          "ROLE_" + Roles.PARTY_WORKER,
          "ROLE_" + Roles.MEMBER,
          "ROLE_" + Roles.ASSESSOR);

  @Override
  public AuthorizationResult authorize(
      Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
    Authentication auth = authentication.get();
    if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
      return new AuthorizationDecision(false);
    }
    if (SAFE_METHODS.contains(context.getRequest().getMethod())) {
      return new AuthorizationDecision(true);
    }
    boolean integration = false;
    for (GrantedAuthority authority : auth.getAuthorities()) {
      if (PERSON_ROLES.contains(authority.getAuthority())) {
        return new AuthorizationDecision(true);
      }
      // alert-service's notification sender only reads contacts: it writes nothing either
      integration |=
          ("ROLE_" + Roles.INTEGRATION).equals(authority.getAuthority())
              || ("ROLE_" + Roles.NOTIFICATION_SENDER).equals(authority.getAuthority());
    }
    return new AuthorizationDecision(!integration);
  }
}
