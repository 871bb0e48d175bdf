package cn.dangjian.testsupport.architecture.sample.bad.web;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Planted: a service running SQL (JdbcClient outside a store). */
@Service
class LookupService {

  private final JdbcClient jdbc;

  LookupService(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  int count() {
    return jdbc.sql("SELECT COUNT(*) FROM things").query(Integer.class).single();
  }
}
