package cn.dangjian.alert;

import cn.dangjian.alert.notification.RecordingExternalChannels;
import cn.dangjian.events.Topics;
import cn.dangjian.testsupport.FakeKeycloak;
import cn.dangjian.testsupport.MemberEventsFeed;
import cn.dangjian.testsupport.TestDatabase;
import cn.dangjian.testsupport.TestKafka;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** One context for alert-service tests: real MariaDB schema, real KRaft broker, fake JWKS. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
// one context for all: the notification tests' recording channels are in it for everyone
@Import({TestClockConfiguration.class, RecordingExternalChannels.class})
public abstract class AlertServiceIntegrationTest {

  protected static final FakeKeycloak KEYCLOAK = FakeKeycloak.start();
  protected static final TestKafka KAFKA =
      TestKafka.shared(
          Topics.MEMBER_EVENTS,
          Topics.DUES_EVENTS,
          Topics.ORGLIFE_EVENTS,
          Topics.ASSESSMENT_EVENTS,
          Topics.ALERT_EVENTS,
          Topics.deadLetterOf(Topics.ORGLIFE_EVENTS));
  protected static final String DB_URL = TestDatabase.fresh("alert_db_test");
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
