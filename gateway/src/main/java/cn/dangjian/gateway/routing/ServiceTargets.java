package cn.dangjian.gateway.routing;

import java.net.URI;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where each service listens ({@code dangjian.services.<id>.uri}); launchers, Compose and
 * Kubernetes override these.
 */
@ConfigurationProperties("dangjian")
public record ServiceTargets(@DefaultValue Map<String, Target> services) {

  public record Target(URI uri) {}

  /** Fails fast at startup: a route without a target would only fail on the first request. */
  public URI uriOf(DownstreamService service) {
    Target target = services.get(service.id());
    if (target == null || target.uri() == null) {
      throw new IllegalStateException(
          "missing property dangjian.services." + service.id() + ".uri");
    }
    return target.uri();
  }
}
