package cn.dangjian.alert.push;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.testsupport.ApplicationYaml;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Webhook delivery defaults, and what application.yml and devstack set. */
class WebhookPropertiesTest {

  private static final String PREFIX = "dangjian.alerts.webhooks";

  @Test
  void withNothingConfiguredEveryDefaultApplies() {
    WebhookProperties properties = new Binder().bindOrCreate(PREFIX, WebhookProperties.class);

    assertThat(properties.retryInitial()).isEqualTo(Duration.ofSeconds(30));
    assertThat(properties.maxAttempts()).isEqualTo(6);
    assertThat(properties.disableAfter()).isEqualTo(10);
    assertThat(properties.pollInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(properties.allowInsecureHttp()).isFalse();
    assertThat(properties.allowedAddresses()).isEmpty();
    assertThat(properties.secretKey()).isEmpty();
    assertThat(properties.secretKeys()).isEmpty();
    assertThat(properties.currentKeyId()).isNull();
  }

  @Test
  void theApplicationYmlKeepsHttpsOnlyAndNoPrivateAddresses() throws Exception {

    WebhookProperties properties =
        ApplicationYaml.binder().bindOrCreate(PREFIX, WebhookProperties.class);

    assertThat(properties.allowInsecureHttp()).isFalse();
    assertThat(properties.allowedAddresses()).isEmpty();
    assertThat(properties.secretKey()).isNotBlank();
    assertThat(properties.maxAttempts()).isEqualTo(6);
  }

  @Test
  void devstackAllowsLocalReceiversAndAKeyRingRotates() {
    Binder binder =
        new Binder(
            new MapConfigurationPropertySource(
                Map.of(
                    PREFIX + ".allow-insecure-http", "true",
                    PREFIX + ".allowed-addresses", "127.0.0.1,::1",
                    PREFIX + ".secret-keys.k2", "a2V5",
                    PREFIX + ".current-key-id", "k2")));

    WebhookProperties properties = binder.bindOrCreate(PREFIX, WebhookProperties.class);

    assertThat(properties.allowInsecureHttp()).isTrue();
    assertThat(properties.allowedAddresses()).containsExactly("127.0.0.1", "::1");
    assertThat(properties.secretKeys()).containsExactly(Map.entry("k2", "a2V5"));
    assertThat(properties.currentKeyId()).isEqualTo("k2");
  }
}
