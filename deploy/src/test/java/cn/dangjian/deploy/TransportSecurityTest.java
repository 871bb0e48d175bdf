package cn.dangjian.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What travels between the services and their database and broker in production. */
class TransportSecurityTest {

  @Test
  void productionTalksToMysqlOverVerifiedTlsAndNoServiceRunsAsRoot() throws Exception {
    String prod = Manifests.render(Repo.root().resolve("k8s/overlays/prod"));
    assertThat(prod).contains("MYSQL_PARAMS: ?sslMode=VERIFY_IDENTITY");
    assertThat(prod).doesNotContainPattern("SPRING_DATASOURCE_USERNAME\\s*\\n\\s*value: root");
  }

  @Test
  void everyOverlayTalksToKafkaOverSaslSsl() throws Exception {
    for (String overlay : List.of("k8s/base", "k8s/overlays/dev", "k8s/overlays/prod")) {
      String rendered = Manifests.render(Repo.root().resolve(overlay));
      assertThat(rendered).as(overlay).contains("SPRING_KAFKA_SECURITY_PROTOCOL: SASL_SSL");
      assertThat(rendered).as(overlay).doesNotContainPattern("kafka[a-z.-]*:9092");
    }
  }
}
