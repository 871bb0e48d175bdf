package cn.dangjian.member.person;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V18 classifies the free-text 学历 of the members that existed before the codes, as {@link
 * ClassificationRules#educationLevel} does for new records: a schema is migrated to V17, members
 * are written the old way, and V18 runs over them.
 */
class EducationBackfillMigrationIT {

  private static final List<String> TEXTS =
      List.of(
          "博士研究生", "硕士", "在职研究生", "大学本科", "本科", "学士", "大专", "大学专科", "中专", "中技", "职高", "高中",
          "高中（中专）", "初中", "小学", "初中及以下", "大学", "文盲", "");

  @Test
  void existingEducationTextsAreClassifiedAsTheRuleClassifiesThem() throws SQLException {
    String url = TestDatabase.fresh("member_db_v18_backfill");
    Flyway.configure()
        .dataSource(url, TestDatabase.user(), TestDatabase.password())
        .locations("classpath:db/migration")
        .target("17")
        .load()
        .migrate();
    try (Connection db =
        DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password())) {
      int i = 0;
      for (String text : TEXTS) {
        insertMember(db, ++i, text);
      }
      insertMember(db, ++i, null);
      db.createStatement()
          .execute(
              "INSERT INTO org_unit (id, name, org_type, path, depth, status, created_at,"
                  + " updated_at, version) VALUES (UNHEX('01'), '党委', 'PARTY_COMMITTEE', '/1/', 1,"
                  + " 'ACTIVE', NOW(6), NOW(6), 0)");
    }

    Flyway.configure()
        .dataSource(url, TestDatabase.user(), TestDatabase.password())
        .locations("classpath:db/migration")
        .target("18")
        .load()
        .migrate();

    try (Connection db =
        DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password())) {
      Map<String, String> migrated = new LinkedHashMap<>();
      Map<String, String> expected = new LinkedHashMap<>();
      try (ResultSet rs =
          db.createStatement()
              .executeQuery("SELECT education, education_level, occupation, post FROM member")) {
        while (rs.next()) {
          String text = rs.getString("education");
          migrated.put(String.valueOf(text), rs.getString("education_level"));
          expected.put(String.valueOf(text), ClassificationRules.educationLevel(text).name());
          assertThat(rs.getString("occupation")).isEqualTo("UNSPECIFIED");
          assertThat(rs.getString("post")).isNull();
        }
      }
      assertThat(migrated).hasSize(TEXTS.size() + 1).isEqualTo(expected);
      assertThat(migrated)
          .containsEntry("硕士", "POSTGRADUATE")
          .containsEntry("大学专科", "JUNIOR_COLLEGE")
          .containsEntry("大学", "UNSPECIFIED")
          .containsEntry("null", "UNSPECIFIED");
      try (ResultSet rs =
          db.createStatement().executeQuery("SELECT unit_type, affiliation FROM org_unit")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("unit_type")).isEqualTo("UNSPECIFIED");
        assertThat(rs.getString("affiliation")).isEqualTo("UNSPECIFIED");
      }
    }
  }

  private static void insertMember(Connection db, int n, String education) throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO member (id, org_id, org_path, name, gender, birth_date, id_number_cipher,"
                + " id_number_hash, education, stage, dues_category, registration_seq, created_at,"
                + " updated_at, version) VALUES (UNHEX(LPAD(HEX(?), 32, '0')), UNHEX('01'), '/1/',"
                + " '旧档', 'FEMALE', '1990-03-07', 'x', LPAD(?, 64, '0'), ?, 'FULL', 'EMPLOYED', 0,"
                + " NOW(6), NOW(6), 0)")) {
      insert.setInt(1, n);
      insert.setString(2, String.valueOf(n));
      insert.setString(3, education);
      insert.executeUpdate();
    }
  }
}
