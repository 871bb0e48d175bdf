package cn.dangjian.orglife;

import cn.dangjian.events.Topics;
import cn.dangjian.testsupport.FakeKeycloak;
import cn.dangjian.testsupport.MemberEventsFeed;
import cn.dangjian.testsupport.TestDatabase;
import cn.dangjian.testsupport.TestKafka;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One context for org-life-service tests: a real MariaDB schema, a real KRaft broker carrying
 * member.events (the projection learns orgs and members from it), a fake JWKS.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
public abstract class OrgLifeIntegrationTest {

  protected static final FakeKeycloak KEYCLOAK = FakeKeycloak.start();
  protected static final TestKafka KAFKA =
      TestKafka.shared(Topics.MEMBER_EVENTS, Topics.ORGLIFE_EVENTS);
  protected static final String DB_URL = TestDatabase.fresh("orglife_db_test");
  protected static final MemberEventsFeed FEED = new MemberEventsFeed(KAFKA.bootstrapServers());

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> DB_URL);
    registry.add("spring.datasource.username", TestDatabase::user);
    registry.add("spring.datasource.password", TestDatabase::password);
    registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
    registry.add(
        "dangjian.org-life.attachments.directory",
        () -> Path.of("target", "test-attachments").toAbsolutePath().toString());
    registry.add("dangjian.org-life.attachments.max-size", () -> "64KB");
    KEYCLOAK.resourceServerProperties().forEach((k, v) -> registry.add(k, () -> v));
  }
}
