package cn.dangjian.testsupport.architecture.sample.bad.config;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** A configuration building a second template: a violation unless allow-listed by name. */
@Configuration
public class JdbcSetup {

  @Bean
  JdbcTemplate reportingJdbc(DataSource reporting) {
    return new JdbcTemplate(reporting);
  }
}
