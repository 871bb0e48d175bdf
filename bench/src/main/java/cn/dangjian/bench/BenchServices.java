package cn.dangjian.bench;

import cn.dangjian.testsupport.FakeKeycloak;
import cn.dangjian.testsupport.TestDatabase;
import cn.dangjian.testsupport.TestKafka;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** member-service as the gateway benches start it: a fresh schema, the bench broker and keys. */
final class BenchServices {

  private BenchServices() {}

  /**
   * Starts {@code jar} on a fresh schema named after {@code schema}, with the bench's broker, the
   * fake Keycloak's resource-server settings, the bench keys and WARN logging; {@code extra}
   * properties go on top.
   */
  static ServiceProcess memberService(
      Path jar,
      Path log,
      List<String> jvm,
      String schema,
      TestKafka kafka,
      FakeKeycloak keycloak,
      Map<String, String> extra)
      throws IOException, InterruptedException {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", TestDatabase.fresh(schema));
    properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
    properties.put("logging.level.root", "WARN");
    properties.putAll(keycloak.resourceServerProperties());
    properties.putAll(extra);
    Map<String, String> environment =
        new LinkedHashMap<>(BenchKeys.loadOrCreate().memberServiceEnvironment());
    environment.put("SPRING_DATASOURCE_USERNAME", TestDatabase.user());
    environment.put("SPRING_DATASOURCE_PASSWORD", TestDatabase.password());
    return ServiceProcess.start(jar, log, jvm, properties, environment, Duration.ofMinutes(3));
  }
}
