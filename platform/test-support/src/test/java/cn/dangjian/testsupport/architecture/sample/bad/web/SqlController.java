package cn.dangjian.testsupport.architecture.sample.bad.web;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Planted: a controller with a JdbcTemplate field running SQL itself. */
@RestController
class SqlController {

  private final JdbcTemplate jdbc;

  SqlController(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping("/things")
  List<Map<String, Object>> things() {
    return jdbc.queryForList("SELECT * FROM things");
  }
}
