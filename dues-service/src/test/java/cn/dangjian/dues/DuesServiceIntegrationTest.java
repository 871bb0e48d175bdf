package cn.dangjian.dues;

import cn.dangjian.events.Topics;
import cn.dangjian.testsupport.FakeKeycloak;
import cn.dangjian.testsupport.TestDatabase;
import cn.dangjian.testsupport.TestKafka;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** One context for dues-service tests: real MariaDB schema, real KRaft broker, fake JWKS. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
// The sandbox provider is off unless enabled explicitly; the payment tests use it.
@TestPropertySource(properties = "dangjian.dues.sandbox.enabled=true")
public abstract class DuesServiceIntegrationTest {

  protected static final FakeKeycloak KEYCLOAK = FakeKeycloak.start();
  protected static final TestKafka KAFKA =
      TestKafka.shared(Topics.MEMBER_EVENTS, Topics.DUES_EVENTS, Topics.ORGLIFE_EVENTS);
  protected static final String DB_URL = TestDatabase.fresh("dues_db_test");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> DB_URL);
    registry.add("spring.datasource.username", TestDatabase::user);
    registry.add("spring.datasource.password", TestDatabase::password);
    registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
    KEYCLOAK.resourceServerProperties().forEach((k, v) -> registry.add(k, () -> v));
  }
}
