package cn.dangjian.platform;

import cn.dangjian.platform.problem.ProblemResponseWriter;
import cn.dangjian.platform.security.CurrentCaller;
import cn.dangjian.platform.security.KeycloakJwtAuthenticationConverter;
import cn.dangjian.platform.security.ProblemSecurityHandlers;
import cn.dangjian.platform.security.ReadOnlyIntegration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is a stateless OAuth2 resource server for the Keycloak realm: realm roles become
 * authorities, the audience is checked (spring.security.oauth2.resourceserver.jwt.audiences) and
 * 401/403 are problem+json. Health, metrics and API docs are open; everything else needs a token.
 */
@AutoConfiguration(
    after = DangjianWebAutoConfiguration.class,
    beforeName =
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
public class DangjianSecurityAutoConfiguration {

  static final String[] OPEN_PATHS = {
    "/actuator/health",
    "/actuator/health/**",
    "/actuator/info",
    "/actuator/prometheus",
    "/v3/api-docs",
    "/v3/api-docs/**",
    "/swagger-ui.html",
    "/swagger-ui/**",
    "/error"
  };

  @Bean
  KeycloakJwtAuthenticationConverter keycloakJwtAuthenticationConverter() {
    return new KeycloakJwtAuthenticationConverter();
  }

  @Bean
  CurrentCaller currentCaller() {
    return new CurrentCaller();
  }

  @Bean
  ProblemSecurityHandlers problemSecurityHandlers(ProblemResponseWriter writer) {
    return new ProblemSecurityHandlers(writer);
  }

  @Bean
  @ConditionalOnMissingBean(SecurityFilterChain.class)
  SecurityFilterChain dangjianApiSecurity(
      HttpSecurity http,
      KeycloakJwtAuthenticationConverter converter,
      ProblemSecurityHandlers handlers,
      @Value("${dangjian.security.open-paths:}") String[] serviceOpenPaths)
      throws Exception {
    // A service may open paths that authenticate otherwise (e.g. a payment provider's signed
    // callback): dangjian.security.open-paths=/api/dues/payments/callbacks/**
    String[] open =
        Stream.concat(
                Arrays.stream(OPEN_PATHS),
                Arrays.stream(serviceOpenPaths).filter(p -> !p.isBlank()))
            .toArray(String[]::new);
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(open)
                    .permitAll()
                    .anyRequest()
                    .access(new ReadOnlyIntegration()))
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                    .authenticationEntryPoint(handlers)
                    .accessDeniedHandler(handlers))
        .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
    return http.build();
  }
}
