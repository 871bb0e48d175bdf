package cn.dangjian.gateway.routing;

import cn.dangjian.gateway.GatewayProperties;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import org.springframework.cloud.gateway.filter.factory.SpringCloudCircuitBreakerFilterFactory;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * One route per service for its API, plus one per service for its OpenAPI document. Every route
 * runs through the service's circuit breaker (with its time limiter) and falls back to a problem
 * response instead of a raw 5xx or a hung connection.
 */
@Configuration(proxyBeanMethods = false)
class RouteConfiguration {

  /** Upstream answers that mean "the service is not healthy right now". */
  private static final Set<String> BREAKER_STATUSES = Set.of("502", "503", "504");

  /** Both the gateway and a service may add CORS headers; browsers reject duplicates. */
  private static final String CORS_RESPONSE_HEADERS =
      "Access-Control-Allow-Origin Access-Control-Allow-Credentials";

  @Bean
  RouteLocator dangjianRoutes(
      RouteLocatorBuilder builder, ServiceTargets targets, GatewayProperties properties) {
    RouteLocatorBuilder.Builder routes = builder.routes();
    for (DownstreamService service : ServiceCatalog.SERVICES) {
      URI uri = targets.uriOf(service);
      // Bulk imports and exports run for many seconds: their own breaker and longer time limit,
      // never retried, matched before the service's general route.
      routes.route(
          service.id() + "-bulk",
          r -> r.order(-1).path(bulkPaths(service)).filters(f -> guardedLong(f, service)).uri(uri));
      // Server-Sent Event streams stay open for minutes: no time limit, no breaker, no retry
      // (the browser's EventSource reconnects by itself).
      routes.route(
          service.id() + "-stream",
          r ->
              r.order(-1)
                  .path(streamPaths(service))
                  .filters(f -> f.dedupeResponseHeader(CORS_RESPONSE_HEADERS, "RETAIN_FIRST"))
                  .uri(uri));
      routes.route(
          service.id(),
          r ->
              r.path(service.apiPaths().toArray(String[]::new))
                  .filters(f -> retryIdempotent(guarded(f, service), properties.retry()))
                  .uri(uri));
      // A cold service builds its OpenAPI document in seconds (5.4 s measured in the compose
      // stack, past the 5 s API limit) before springdoc caches it: the bulk time limit applies.
      routes.route(
          service.id() + "-api-docs",
          r ->
              r.path(service.apiDocsPath())
                  .filters(
                      f ->
                          guardedLong(
                              f.rewritePath(service.apiDocsPath(), "/v3/api-docs"), service))
                  .uri(uri));
    }
    return routes.build();
  }

  /**
   * {@code /api/members/**} → {@code /api/members/import}, {@code /api/members/export}, and a job's
   * generated file {@code /api/members/jobs/{id}/file} (large downloads).
   */
  static String[] bulkPaths(DownstreamService service) {
    return service.apiPaths().stream()
        .map(path -> path.replace("/**", ""))
        .flatMap(
            base ->
                java.util.stream.Stream.of(
                    base + "/import", base + "/export", base + "/jobs/*/file"))
        .toArray(String[]::new);
  }

  /** {@code /api/alerts/**} → {@code /api/alerts/stream}. */
  static String[] streamPaths(DownstreamService service) {
    return service.apiPaths().stream()
        .map(path -> path.replace("/**", "/stream"))
        .toArray(String[]::new);
  }

  /**
   * The breaker is declared before the retry so that it wraps it: retries happen inside one breaker
   * call and inside the time limit, and the breaker only records the final outcome.
   */
  private static GatewayFilterSpec guarded(GatewayFilterSpec filters, DownstreamService service) {
    return filters
        .dedupeResponseHeader(CORS_RESPONSE_HEADERS, "RETAIN_FIRST")
        .circuitBreaker(
            config -> breaker(config, service).setStatusCodes(new HashSet<>(BREAKER_STATUSES)));
  }

  /** As {@link #guarded}, under the service's bulk breaker and its longer time limit. */
  private static GatewayFilterSpec guardedLong(
      GatewayFilterSpec filters, DownstreamService service) {
    return filters
        .dedupeResponseHeader(CORS_RESPONSE_HEADERS, "RETAIN_FIRST")
        .circuitBreaker(
            config ->
                config
                    .setName(service.id() + "-bulk")
                    .setFallbackUri("forward:/fallback/" + service.id())
                    .setStatusCodes(new HashSet<>(BREAKER_STATUSES)));
  }

  private static SpringCloudCircuitBreakerFilterFactory.Config breaker(
      SpringCloudCircuitBreakerFilterFactory.Config config, DownstreamService service) {
    return config.setName(service.id()).setFallbackUri("forward:/fallback/" + service.id());
  }

  /** Only GET is retried: a repeated POST/PUT/PATCH/DELETE could apply a change twice. */
  private static GatewayFilterSpec retryIdempotent(
      GatewayFilterSpec filters, GatewayProperties.Retry retry) {
    return filters.retry(
        config ->
            config
                .setRetries(retry.retries())
                .setMethods(HttpMethod.GET)
                .setSeries()
                .setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE)
                .setBackoff(retry.firstBackoff(), retry.maxBackoff(), 2, false));
  }
}
