package cn.dangjian.deploy;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.List;

/**
 * The part of Strimzi's KafkaUser (kafka.strimzi.io/v1beta2) the platform uses, so manifests parse
 * strictly: a misspelt field in kafka-users.yaml fails like one in a Deployment.
 */
@Group("kafka.strimzi.io")
@Version("v1beta2")
public class KafkaUser extends CustomResource<KafkaUser.Spec, Void> implements Namespaced {

  public static class Spec {
    public Authentication authentication;
    public Authorization authorization;
  }

  public static class Authentication {
    public String type;
  }

  public static class Authorization {
    public String type;
    public List<Acl> acls;
  }

  public static class Acl {
    public Resource resource;
    public List<String> operations;
  }

  public static class Resource {
    public String type;
    public String name;
    public String patternType;
  }
}
