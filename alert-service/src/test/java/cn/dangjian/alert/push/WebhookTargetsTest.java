package cn.dangjian.alert.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookTargetsTest {

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fake DNS: host → addresses. */
  private static WebhookTargets.Resolver dns(Map<String, List<String>> records) {
    return host -> {
      List<String> found = records.get(host);
      if (found == null) {
        if (host.matches("[0-9a-fA-F:.]+")) {
          return new InetAddress[] {ip(host)};
        }
        throw new UnknownHostException(host);
      }
      return found.stream().map(WebhookTargetsTest::ip).toArray(InetAddress[]::new);
    };
  }

  private final WebhookTargets strict =
      new WebhookTargets(
          false,
          List.of(),
          dns(
              Map.of(
                  "oa.example.cn", List.of("93.184.216.34"),
                  "internal.example.cn", List.of("93.184.216.34", "10.1.2.3"),
                  "metadata.example.cn", List.of("169.254.169.254"))));

  @Test
  void plainHttpIsRefusedUnlessExplicitlyAllowed() throws Exception {
    assertThat(strict.check("https://oa.example.cn/hook").getHost()).isEqualTo("oa.example.cn");
    assertThatThrownBy(() -> strict.check("http://oa.example.cn/hook"))
        .isInstanceOf(WebhookTargets.Refused.class);
    WebhookTargets lenient =
        new WebhookTargets(true, List.of(), dns(Map.of("oa.example.cn", List.of("93.184.216.34"))));
    assertThat(lenient.check("http://oa.example.cn/hook")).isNotNull();
    assertThatThrownBy(() -> lenient.check("ftp://oa.example.cn/hook"))
        .isInstanceOf(WebhookTargets.Refused.class);
  }

  @Test
  void loopbackPrivateLinkLocalMulticastAndMappedAddressesAreRefused() {
    for (String url :
        List.of(
            "https://127.0.0.1/",
            "https://127.0.0.2:8443/",
            "https://10.0.0.1/",
            "https://172.16.0.1/",
            "https://172.31.255.255/",
            "https://192.168.1.1/",
            "https://100.64.0.1/",
            "https://169.254.169.254/latest/meta-data/",
            "https://0.0.0.0/",
            "https://224.0.0.1/",
            "https://255.255.255.255/",
            "https://[::1]/",
            "https://[::]/",
            "https://[fd00::1]/",
            "https://[fc00::1]/",
            "https://[fe80::1]/",
            "https://[ff02::1]/",
            "https://[::ffff:169.254.169.254]/",
            "https://[::ffff:127.0.0.1]/",
            "https://[::127.0.0.1]/",
            "https://[2002:a9fe:a9fe::1]/",
            "https://[64:ff9b::a9fe:a9fe]/",
            "https://metadata.example.cn/",
            "https://internal.example.cn/",
            "https://nowhere.example.cn/",
            "https://user:pw@oa.example.cn/")) {
      assertThatThrownBy(() -> strict.check(url))
          .as(url)
          .isInstanceOf(WebhookTargets.Refused.class);
    }
  }

  @Test
  void publicAddressesPass() {
    assertThat(WebhookTargets.isPublic(ip("93.184.216.34"))).isTrue();
    assertThat(WebhookTargets.isPublic(ip("172.32.0.1"))).isTrue();
    assertThat(WebhookTargets.isPublic(ip("100.128.0.1"))).isTrue();
    assertThat(WebhookTargets.isPublic(ip("2606:4700:4700::1111"))).isTrue();
  }

  @Test
  void aHostThatRebindsToAPrivateAddressIsRefusedOnTheNextCheck() throws Exception {
    Map<String, List<String>> records = new java.util.HashMap<>();
    records.put("rebind.example.cn", List.of("93.184.216.34"));
    WebhookTargets targets = new WebhookTargets(false, List.of(), dns(records));
    assertThat(targets.check("https://rebind.example.cn/h")).isNotNull();
    records.put("rebind.example.cn", List.of("169.254.169.254"));
    assertThatThrownBy(() -> targets.check("https://rebind.example.cn/h"))
        .isInstanceOf(WebhookTargets.Refused.class);
  }

  @Test
  void theAllowListPermitsExactlyTheListedAddresses() throws Exception {
    WebhookTargets devstack = new WebhookTargets(true, List.of("127.0.0.1", ""), dns(Map.of()));
    assertThat(devstack.check("http://127.0.0.1:8089/hook")).isNotNull();
    assertThatThrownBy(() -> devstack.check("http://127.0.0.2:8089/hook"))
        .isInstanceOf(WebhookTargets.Refused.class);
    assertThatThrownBy(() -> new WebhookTargets(false, List.of("localhost"), dns(Map.of())))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aDeliveryErrorNamesOnlyItsKind() {
    String text =
        WebhookDispatcher.describe(
            new java.io.IOException(
                "wrapped", new java.net.ConnectException("Connection refused: /10.0.0.7:6379")));
    assertThat(text).isEqualTo("投递失败：连接被拒绝").doesNotContain("10.0.0.7").doesNotContain("6379");
    assertThat(WebhookDispatcher.describe(new java.net.http.HttpTimeoutException("x:1")))
        .isEqualTo("投递失败：超时");
    assertThat(WebhookDispatcher.describe(new java.io.IOException("host.internal:22")))
        .isEqualTo("投递失败：网络错误");
  }

  @Test
  void secretsAreEncryptedAndBoundToTheirSubscription() {
    WebhookSecrets secrets =
        new WebhookSecrets(
            cn.dangjian.platform.crypto.KeyRingCipher.fromBase64(
                java.util.Map.of(), "bG9jYWwtb25seS13ZWJob29rLWtleS0zMi1ieXRlcyE=", null, "key"));
    java.util.UUID id = java.util.UUID.randomUUID();
    String stored = secrets.seal("a-shared-secret-of-the-receiver", id);
    assertThat(stored).startsWith("v2:default:").doesNotContain("a-shared-secret");
    assertThat(secrets.open(stored, id)).isEqualTo("a-shared-secret-of-the-receiver");
    assertThatThrownBy(() -> secrets.open(stored, java.util.UUID.randomUUID()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(secrets.isStale(stored)).isFalse();
    assertThat(secrets.isStale("plain-text-secret")).isTrue();
  }

  @Test
  void aRotatedKeyMakesOlderSecretsStaleButStillReadable() {
    String a = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    byte[] bKey = new byte[32];
    bKey[0] = 7;
    String b = java.util.Base64.getEncoder().encodeToString(bKey);
    java.util.UUID id = java.util.UUID.randomUUID();
    String underA =
        new WebhookSecrets(
                cn.dangjian.platform.crypto.KeyRingCipher.fromBase64(
                    java.util.Map.of("a", a), null, null, "keys"))
            .seal("s3cret", id);
    WebhookSecrets rotated =
        new WebhookSecrets(
            cn.dangjian.platform.crypto.KeyRingCipher.fromBase64(
                java.util.Map.of("a", a, "b", b), null, "b", "keys"));
    assertThat(rotated.isStale(underA)).isTrue();
    assertThat(rotated.open(underA, id)).isEqualTo("s3cret");
    assertThat(rotated.seal("s3cret", id)).startsWith("v2:b:");
  }
}
