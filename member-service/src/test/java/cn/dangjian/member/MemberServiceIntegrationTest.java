package cn.dangjian.member;

import cn.dangjian.events.Topics;
import cn.dangjian.testsupport.FakeKeycloak;
import cn.dangjian.testsupport.TestDatabase;
import cn.dangjian.testsupport.TestKafka;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** One context for member-service tests: real MariaDB schema, real KRaft broker, fake JWKS. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
public abstract class MemberServiceIntegrationTest {

  protected static final FakeKeycloak KEYCLOAK = FakeKeycloak.start();
  protected static final TestKafka KAFKA =
      TestKafka.shared(
          Topics.MEMBER_EVENTS,
          Topics.ORGLIFE_EVENTS,
          Topics.ALERT_EVENTS,
          Topics.DUES_EVENTS,
          Topics.ASSESSMENT_EVENTS);
  protected static final String DB_URL = TestDatabase.fresh("member_db_test");
  private static final String ENCRYPTION_KEY = randomKey();
  private static final String HASH_KEY = randomKey();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> DB_URL);
    registry.add("spring.datasource.username", TestDatabase::user);
    registry.add("spring.datasource.password", TestDatabase::password);
    registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
    registry.add("dangjian.privacy.encryption-key", () -> ENCRYPTION_KEY);
    registry.add("dangjian.privacy.hash-key", () -> HASH_KEY);
    KEYCLOAK.resourceServerProperties().forEach((k, v) -> registry.add(k, () -> v));
    // Keycloak's admin API is faked on the same WireMock (see KeycloakAdminFake).
    registry.add("dangjian.accounts.enabled", () -> "true");
    registry.add(
        "dangjian.accounts.keycloak-url", () -> "http://127.0.0.1:" + KEYCLOAK.wireMock().port());
    registry.add("dangjian.accounts.client-secret", () -> "test-secret");
    // WeChat's code2Session is faked on the same WireMock (MemberContactsIT)
    registry.add("dangjian.wechat.app-id", () -> "wx-test-appid");
    registry.add("dangjian.wechat.secret", () -> "wx-test-secret");
    registry.add(
        "dangjian.wechat.base-url", () -> "http://127.0.0.1:" + KEYCLOAK.wireMock().port());
    // small, so that a test can exceed it (BulkTimingIT raises it for its 5000 rows)
    registry.add("dangjian.bulk.export-max-rows", () -> "25");
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
