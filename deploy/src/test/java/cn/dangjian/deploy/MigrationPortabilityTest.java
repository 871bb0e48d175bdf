package cn.dangjian.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/scaling.md: at national scale each service's schema is split by province and 基层党委 over a
 * sharded MySQL or a MySQL-compatible distributed database (TiDB). The Flyway migrations of every
 * service must therefore stay inside what those engines run the same way: no constraint or code
 * that lives across shards, no engine-specific index kinds, a primary key on every table, and no
 * reference to another service's schema.
 */
class MigrationPortabilityTest {

  /**
   * What a sharded or distributed MySQL does not run, or not across shards, and why (matched
   * against the upper-cased SQL without comments).
   */
  private static final Map<String, Pattern> AVOIDED =
      Map.ofEntries(
          Map.entry(
              "foreign keys (not enforced across shards; TiDB only from 6.6)",
              Pattern.compile("\\bFOREIGN\\s+KEY\\b|\\bREFERENCES\\b")),
          Map.entry(
              "AUTO_INCREMENT keys (a write hot spot on TiDB, collisions across shards)",
              Pattern.compile("\\bAUTO_INCREMENT\\b")),
          Map.entry(
              "triggers, procedures, functions and events (code in the database)",
              Pattern.compile(
                  "\\bCREATE\\s+(DEFINER\\s*=\\s*\\S+\\s+)?(TRIGGER|PROCEDURE|FUNCTION|EVENT)\\b")),
          Map.entry(
              "FULLTEXT and SPATIAL indexes (engine-specific)",
              Pattern.compile("\\b(FULLTEXT|SPATIAL)\\b")),
          Map.entry("table locks", Pattern.compile("\\bLOCK\\s+TABLES?\\b")),
          Map.entry(
              "another service's schema (each service owns its own)",
              Pattern.compile(
                  "\\b(member|dues|orglife|assessment|alert)_db\\s*\\.", Pattern.CASE_INSENSITIVE)),
          Map.entry(
              "MyISAM or other non-transactional engines",
              Pattern.compile("\\bENGINE\\s*=\\s*(?!INNODB\\b)\\w+")));

  /** Migrations allowed an AUTO_INCREMENT key, each with the reason. */
  private static final Map<String, String> AUTO_INCREMENT_ALLOWED =
      Map.of(
          "alert-service/src/main/resources/db/migration/V5__stream_log_tickets_webhook_ids.sql",
          "stream_event.seq is the SSE Last-Event-ID: one increasing sequence every instance"
              + " shares; a small, purged log table, not a hot spot (on TiDB: AUTO_ID_CACHE=1"
              + " keeps it monotonic)");

  private static final Pattern CREATE_TABLE =
      Pattern.compile(
          "CREATE\\s+TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?`?(\\w+)`?\\s*\\((.*?)\\)\\s*(ENGINE|;)",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  static List<Path> migrations() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(Repo.root())) {
      walk.filter(p -> p.toString().replace('\\', '/').contains("/src/main/resources/db/"))
          .filter(p -> p.getFileName().toString().endsWith(".sql"))
          .filter(p -> !p.toString().contains("/target/"))
          .sorted()
          .forEach(files::add);
    }
    return files;
  }

  static String sqlWithoutComments(Path file) throws IOException {
    String sql = Files.readString(file, StandardCharsets.UTF_8);
    return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)--.*$", " ");
  }

  @Test
  void everyServicesMigrationsAreFound() throws IOException {
    List<String> owners =
        migrations().stream().map(p -> Repo.root().relativize(p).getName(0).toString()).toList();
    assertThat(owners)
        .contains(
            "platform", "member-service", "dues-service", "org-life-service", "alert-service");
  }

  @Test
  void migrationsAvoidWhatAShardedOrDistributedMysqlDoesNotRun() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : migrations()) {
      String sql = sqlWithoutComments(file).toUpperCase(Locale.ROOT);
      String name = Repo.root().relativize(file).toString().replace('\\', '/');
      for (Map.Entry<String, Pattern> avoided : AVOIDED.entrySet()) {
        if (avoided.getKey().startsWith("AUTO_INCREMENT")
            && AUTO_INCREMENT_ALLOWED.containsKey(name)) {
          continue;
        }
        Matcher m = avoided.getValue().matcher(sql);
        if (m.find()) {
          violations.add(
              Repo.root().relativize(file) + ": " + avoided.getKey() + " — " + m.group());
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void everyTableHasAPrimaryKey() throws IOException {
    List<String> withoutKey = new ArrayList<>();
    int tables = 0;
    for (Path file : migrations()) {
      Matcher m = CREATE_TABLE.matcher(sqlWithoutComments(file));
      while (m.find()) {
        tables++;
        if (!m.group(3).toUpperCase(Locale.ROOT).contains("PRIMARY KEY")) {
          withoutKey.add(Repo.root().relativize(file) + ": " + m.group(2));
        }
      }
    }
    assertThat(tables).as("tables found in the migrations").isGreaterThan(20);
    assertThat(withoutKey).isEmpty();
  }

  @Test
  void theCheckCatchesWhatItLooksFor() {
    String bad =
        "CREATE TABLE t (id BIGINT AUTO_INCREMENT PRIMARY KEY, o BINARY(16),"
            + " FOREIGN KEY (o) REFERENCES member_db.org(id)) ENGINE=MyISAM;";
    List<String> found =
        AVOIDED.entrySet().stream()
            .filter(e -> e.getValue().matcher(bad.toUpperCase(Locale.ROOT)).find())
            .map(Map.Entry::getKey)
            .toList();
    assertThat(found).hasSize(4);
  }
}
