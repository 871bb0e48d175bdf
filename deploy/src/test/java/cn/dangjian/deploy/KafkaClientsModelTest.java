package cn.dangjian.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/kafka/clients.csv is the one statement of who may do what on Kafka; compose (setup.sh
 * reads it) and Kubernetes (Strimzi KafkaUsers) must grant exactly that, and every service must
 * connect with SASL_SSL as its own user.
 */
class KafkaClientsModelTest {

  record Client(String service, String publishes, List<String> consumes) {}

  private final Path root = Repo.root();

  private List<Client> model() throws Exception {
    List<Client> clients = new ArrayList<>();
    for (String line : Files.readAllLines(root.resolve("deploy/kafka/clients.csv"))) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(";", -1);
      clients.add(
          new Client(
              parts[0],
              parts[1],
              parts[2].isBlank() ? List.of() : Arrays.asList(parts[2].trim().split("\\s+"))));
    }
    return clients;
  }

  /** The ACLs a client gets, as "resourceType:name:pattern:operation" lines. */
  private static TreeSet<String> expand(Client client) {
    TreeSet<String> acls = new TreeSet<>();
    acls.add("topic:" + client.publishes() + ":literal:Write");
    acls.add("topic:" + client.publishes() + ":literal:Describe");
    for (String topic : client.consumes()) {
      acls.add("topic:" + topic + ":literal:Read");
      acls.add("topic:" + topic + ":literal:Describe");
      acls.add("topic:" + topic + ".DLT:literal:Write");
      acls.add("topic:" + topic + ".DLT:literal:Describe");
    }
    acls.add("group:" + client.service() + "-:prefix:Read");
    return acls;
  }

  @Test
  void everyServicePublishesOnlyItsOwnTopicInTheModel() throws Exception {
    List<Client> clients = model();
    assertThat(clients).extracting(Client::service).doesNotHaveDuplicates();
    assertThat(clients).extracting(Client::publishes).doesNotHaveDuplicates();
    for (String module :
        List.of(
            "member-service",
            "dues-service",
            "org-life-service",
            "assessment-service",
            "alert-service")) {
      assertThat(clients).extracting(Client::service).contains(module);
    }
  }

  @Test
  void kubernetesKafkaUsersGrantExactlyTheModel() throws Exception {
    for (String overlay : List.of("k8s/overlays/dev", "k8s/overlays/prod")) {
      List<KafkaUser> users =
          Manifests.parse(Manifests.render(root.resolve(overlay))).stream()
              .filter(KafkaUser.class::isInstance)
              .map(KafkaUser.class::cast)
              .toList();
      for (Client client : model()) {
        KafkaUser user =
            users.stream()
                .filter(u -> u.getMetadata().getName().equals(client.service()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": no KafkaUser " + client));
        assertThat(user.getSpec().authentication.type).isEqualTo("scram-sha-512");
        TreeSet<String> granted = new TreeSet<>();
        for (KafkaUser.Acl acl : user.getSpec().authorization.acls) {
          for (String operation : acl.operations) {
            granted.add(
                acl.resource.type
                    + ":"
                    + acl.resource.name
                    + ":"
                    + acl.resource.patternType
                    + ":"
                    + operation);
          }
        }
        assertThat(granted).as(overlay + " " + client.service()).isEqualTo(expand(client));
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyComposeServiceConnectsOverSaslSslAsItsOwnUser() throws Exception {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(200);
    Map<String, Map<String, Object>> services =
        (Map<String, Map<String, Object>>)
            new Yaml(options)
                .<Map<String, Object>>load(Files.readString(root.resolve("docker-compose.yml")))
                .get("services");
    for (Client client : model()) {
      Map<String, Object> env =
          (Map<String, Object>) services.get(client.service()).get("environment");
      assertThat(env.get("SPRING_KAFKA_SECURITY_PROTOCOL")).isEqualTo("SASL_SSL");
      assertThat(String.valueOf(env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")))
          .contains("username=\"" + client.service() + "\"");
    }
    Map<String, Object> kafka = (Map<String, Object>) services.get("kafka").get("environment");
    assertThat(kafka.keySet().stream().filter(k -> k.startsWith("KAFKA_PASSWORD_")).count())
        .isEqualTo(model().size());
  }

  @Test
  void kubernetesDeploymentsConnectAsTheirOwnKafkaUser() throws Exception {
    List<io.fabric8.kubernetes.api.model.apps.Deployment> deployments =
        Manifests.parse(Manifests.render(root.resolve("k8s/overlays/prod"))).stream()
            .filter(io.fabric8.kubernetes.api.model.apps.Deployment.class::isInstance)
            .map(io.fabric8.kubernetes.api.model.apps.Deployment.class::cast)
            .toList();
    for (Client client : model()) {
      var container =
          deployments.stream()
              .filter(d -> d.getMetadata().getName().equals(client.service()))
              .findFirst()
              .orElseThrow()
              .getSpec()
              .getTemplate()
              .getSpec()
              .getContainers()
              .get(0);
      var jaas =
          container.getEnv().stream()
              .filter(e -> e.getName().equals("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
              .findFirst()
              .orElseThrow(() -> new AssertionError(client.service() + ": no SASL credentials"));
      assertThat(jaas.getValueFrom().getSecretKeyRef().getName()).isEqualTo(client.service());
    }
    assertThat(Manifests.render(root.resolve("k8s/overlays/prod")))
        .contains("SPRING_KAFKA_SECURITY_PROTOCOL: SASL_SSL");
  }
}
