package cn.dangjian.gateway.cors;

import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * CORS is answered at the edge (inside the security chain, so preflights need no token); the
 * services behind the gateway never see a preflight.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfig {

  /** Headers a browser script may read: correlation for support tickets, ETag for If-Match. */
  static final List<String> EXPOSED_HEADERS =
      List.of(
          "X-Request-Id", "X-Trace-Id", "ETag", "Location", "Retry-After", "Content-Disposition");

  @Bean
  CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
    CorsConfiguration config = new CorsConfiguration();
    // Patterns (not plain origins) so that credentials can be combined with sub-domain wildcards.
    config.setAllowedOriginPatterns(properties.allowedOrigins());
    config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
    config.setAllowedHeaders(List.of(CorsConfiguration.ALL));
    config.setExposedHeaders(EXPOSED_HEADERS);
    config.setAllowCredentials(true);
    config.setMaxAge(Duration.ofMinutes(30));
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", config);
    return source;
  }
}
