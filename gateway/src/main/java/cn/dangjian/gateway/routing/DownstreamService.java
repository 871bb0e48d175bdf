package cn.dangjian.gateway.routing;

import java.util.List;

/**
 * A service behind the gateway. The id doubles as route id, circuit breaker / time limiter instance
 * name, fallback path segment and Swagger UI entry, so one name means one thing everywhere.
 *
 * @param id service name, e.g. {@code member-service}
 * @param apiPaths path patterns the service owns at the edge
 * @param nameZh human name shown in Chinese problem details
 * @param nameEn human name shown in English problem details
 */
public record DownstreamService(String id, List<String> apiPaths, String nameZh, String nameEn) {

  /** The path under which the gateway proxies this service's OpenAPI document. */
  public String apiDocsPath() {
    return "/" + id + "/v3/api-docs";
  }
}
