package cn.dangjian.platform;

import cn.dangjian.platform.events.EventEnvelopeReader;
import cn.dangjian.platform.events.ProcessedEvents;
import cn.dangjian.platform.projection.MemberEventsHook;
import cn.dangjian.platform.projection.MemberEventsProjector;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.scope.ProjectionDataScopeResolver;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The org tree and members learned from {@code member.events}, for every service but the one that
 * owns them (ARCHITECTURE.md: a service never reads another's database). Turned on with {@code
 * dangjian.projection.enabled=true} plus {@code classpath:db/projection} in the Flyway locations.
 */
@AutoConfiguration(after = DangjianEventsAutoConfiguration.class)
@ConditionalOnProperty(prefix = "dangjian.projection", name = "enabled", havingValue = "true")
public class DangjianProjectionAutoConfiguration {

  @Bean
  MemberProjection memberProjection(JdbcTemplate jdbc) {
    return new MemberProjection(jdbc);
  }

  @Bean
  ProjectionDataScopeResolver projectionDataScopeResolver(MemberProjection projection) {
    return new ProjectionDataScopeResolver(projection);
  }

  @Bean
  MemberEventsProjector memberEventsProjector(
      EventEnvelopeReader reader,
      ProcessedEvents processed,
      JdbcTemplate jdbc,
      MemberProjection projection,
      ObjectProvider<MemberEventsHook> hooks,
      Clock clock) {
    return new MemberEventsProjector(
        reader, processed, jdbc, projection, hooks.orderedStream().toList(), clock);
  }
}
