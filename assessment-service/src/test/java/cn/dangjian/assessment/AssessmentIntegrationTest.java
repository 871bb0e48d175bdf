package cn.dangjian.assessment;

import cn.dangjian.events.Topics;
import cn.dangjian.testsupport.FakeKeycloak;
import cn.dangjian.testsupport.MemberEventsFeed;
import cn.dangjian.testsupport.TestDatabase;
import cn.dangjian.testsupport.TestKafka;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One context for assessment-service tests: a real MariaDB schema, a real KRaft broker carrying
 * member.events (the projection), dues/orglife/alert events (the sources) and assessment.events, a
 * fake JWKS.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
public abstract class AssessmentIntegrationTest {

  protected static final FakeKeycloak KEYCLOAK = FakeKeycloak.start();
  protected static final TestKafka KAFKA =
      TestKafka.shared(
          Topics.MEMBER_EVENTS,
          Topics.DUES_EVENTS,
          Topics.ORGLIFE_EVENTS,
          Topics.ALERT_EVENTS,
          Topics.ASSESSMENT_EVENTS);
  protected static final String DB_URL = TestDatabase.fresh("assessment_db_test");
  protected static final MemberEventsFeed FEED = new MemberEventsFeed(KAFKA.bootstrapServers());

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> DB_URL);
    registry.add("spring.datasource.username", TestDatabase::user);
    registry.add("spring.datasource.password", TestDatabase::password);
    registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
    KEYCLOAK.resourceServerProperties().forEach((k, v) -> registry.add(k, () -> v));
  }
}
