package cn.dangjian.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What deploy/backup/*.sh refuse, and that they refuse before they touch anything (no Spring; the
 * restore refusals reach the real database server, which is asked, never written).
 */
class BackupScriptArgumentsIT {

  @TempDir Path work;
  BackupScripts scripts;

  @BeforeEach
  void scripts() {
    assumeTrue(BackupScripts.dumpClientInstalled(), "mariadb-dump / mysqldump is not installed");
    scripts = new BackupScripts().with("BACKUP_DIR", work.resolve("backups").toString());
  }

  @Test
  void backupNamesItsServicesAndRefusesOthers() throws Exception {
    BackupScripts.Result none = scripts.run("backup.sh");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("Usage: backup.sh <service>|all", "member dues org-life");
    BackupScripts.Result unknown = scripts.run("backup.sh", "payroll");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown service: payroll");
    BackupScripts.Result allOfOne = scripts.with("BACKUP_SCHEMA", "x_db").run("backup.sh", "all");
    assertThat(allOfOne.exitCode()).isNotZero();
    assertThat(allOfOne.err()).contains("give one service, not all");
    assertThat(work.resolve("backups")).doesNotExist();
  }

  @Test
  void restoreRefusesATamperedDumpAReplacementWithoutYesAndAPointInTimeWithoutBinlogs()
      throws Exception {
    Path dump = dump("drill_never_created_db", "CREATE TABLE t (id INT);\n");
    Files.writeString(dump, "not the dump", StandardCharsets.UTF_8);
    BackupScripts.Result tampered = scripts.run("restore.sh", dump.toString(), "--yes");
    assertThat(tampered.exitCode()).isNotZero();
    assertThat(tampered.err()).contains("does not match its manifest");

    Path good = dump("drill_never_created_db", "CREATE TABLE t (id INT);\n");
    BackupScripts.Result inPlace = scripts.run("restore.sh", good.toString());
    assertThat(inPlace.exitCode()).isNotZero();
    assertThat(inPlace.err()).contains("replaces schema drill_never_created_db in place", "--yes");

    BackupScripts.Result pitr =
        scripts.run(
            "restore.sh", good.toString(), "--into", "drill_never_created_2", "--to", "2026-01-01");
    assertThat(pitr.exitCode()).isNotZero();
    assertThat(pitr.err()).contains("no binlog position");

    BackupScripts.Result badTime =
        scripts.run("restore.sh", good.toString(), "--to", "yesterday-ish o'clock");
    assertThat(badTime.exitCode()).isNotZero();
    assertThat(badTime.err()).contains("--to is no date-time");
  }

  @Test
  void replayConsumersNeedsAServiceAndATime() throws Exception {
    BackupScripts.Result none = scripts.run("replay-consumers.sh", "dues");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("Usage: replay-consumers.sh <service> <UTC datetime>");
    BackupScripts.Result unknown =
        scripts.run("replay-consumers.sh", "payroll", "2026-12-07T10:00:00Z");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown service: payroll");
    BackupScripts.Result badTime = scripts.run("replay-consumers.sh", "dues", "soon");
    assertThat(badTime.exitCode()).isNotZero();
    assertThat(badTime.err()).contains("no date-time: soon");
    BackupScripts.Result badMargin =
        scripts.run("replay-consumers.sh", "dues", "2026-12-07T10:00:00Z", "--margin", "5m");
    assertThat(badMargin.exitCode()).isEqualTo(2);
  }

  /** A gzipped dump and its manifest, as backup.sh writes them (no binlog position). */
  private Path dump(String schema, String sql) throws Exception {
    Path dir = Files.createDirectories(work.resolve("2026-01-01T000000Z"));
    Path dump = dir.resolve(schema + ".sql.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dump))) {
      out.write(sql.getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(
        dir.resolve(schema + ".manifest"),
        "schema=%s%nstarted_at=2026-01-01T00:00:00.000Z%nbinlog_file=%nbinlog_position=%nsha256=%s%n"
            .formatted(schema, sha256(dump)));
    return dump;
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
