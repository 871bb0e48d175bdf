package cn.dangjian.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.Topics;
import cn.dangjian.events.member.MemberRegistered;
import cn.dangjian.events.member.MemberStatusChanged;
import cn.dangjian.platform.persistence.Uuids;
import cn.dangjian.testsupport.MemberEventsFeed;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The backup and restore drill of docs/backup.md with the real scripts: dues-service's schema is
 * dumped, written on, restored to the dump, and its consumer groups are reset to the backup time;
 * the member projection converges on the state before the restore by replaying member.events, and
 * what the backup already held is skipped, not applied twice.
 */
class BackupRestoreDrillIT extends DuesServiceIntegrationTest {

  private static final Logger log = LoggerFactory.getLogger(BackupRestoreDrillIT.class);
  private static final String GROUP = "dues-service-member-projection";
  private static final int BATCH = 300;
  private static final int STATUS_CHANGES = 50;

  @Autowired JdbcTemplate jdbc;
  @Autowired KafkaListenerEndpointRegistry registry;
  @TempDir Path work;

  @Test
  void aRestoredSchemaCatchesUpByReplayingItsTopicsAndAppliesNothingTwice() throws Exception {
    assumeTrue(BackupScripts.dumpClientInstalled(), "mariadb-dump / mysqldump is not installed");
    String schema = jdbc.queryForObject("SELECT DATABASE()", String.class);
    BackupScripts scripts =
        new BackupScripts()
            .with("BACKUP_DIR", work.resolve("backups").toString())
            .with("BACKUP_SCHEMA", schema)
            .withKafkaTool(KAFKA.bootstrapServers(), work);
    try (MemberEventsFeed feed = new MemberEventsFeed(KAFKA.bootstrapServers());
        Admin admin =
            Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
      long offsetBeforeA = endOffset(admin);
      UUID committee = feed.orgCreated(null, "备份演练党委", "PARTY_COMMITTEE");
      UUID branch = feed.orgCreated(committee, "备份演练支部", "BRANCH");
      List<UUID> events = new ArrayList<>();
      List<UUID> batchA = register(feed, branch, events);
      await().atMost(Duration.ofSeconds(60)).until(() -> members(branch) == BATCH);

      BackupScripts.Result backup = scripts.run("backup.sh", "dues");
      assertThat(backup.exitCode()).as(backup.err()).isZero();
      Path backupDir = Path.of(backup.lastLine());
      Path dump = backupDir.resolve(schema + ".sql.gz");
      Properties manifest = new Properties();
      manifest.load(new StringReader(Files.readString(backupDir.resolve(schema + ".manifest"))));
      assertThat(manifest.getProperty("sha256")).hasSize(64);
      String backupTime = manifest.getProperty("started_at");
      Map<UUID, Timestamp> updatedAtBackup = updatedAt(branch);

      register(feed, branch, events);
      for (UUID member : batchA.subList(0, STATUS_CHANGES)) {
        MemberStatusChanged change =
            new MemberStatusChanged(member, branch, "ACTIVE", "SUSPENDED", LocalDate.now());
        events.add(
            feed.send(
                    EventTypes.MEMBER_STATUS_CHANGED,
                    member.toString(),
                    feed.pathOf(branch),
                    change)
                .eventId());
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> members(branch) == 2 * BATCH && suspended(branch) == STATUS_CHANGES);
      List<Map<String, Object>> beforeRestore = projection(branch);

      // while the service consumes, Kafka would refuse the reset: the script says so first
      BackupScripts.Result refused =
          scripts.run("replay-consumers.sh", "dues", backupTime, "--margin", "60");
      assertThat(refused.exitCode()).isNotZero();
      assertThat(refused.err()).contains("stop dues");

      // "stop the service": its consumers leave their groups
      registry.getListenerContainers().forEach(MessageListenerContainer::stop);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> groupEmpty(admin, GROUP) && groupEmpty(admin, "dues-service-meetings"));

      BackupScripts.Result restore = scripts.run("restore.sh", dump.toString(), "--yes");
      assertThat(restore.exitCode()).as(restore.err()).isZero();
      assertThat(members(branch)).isEqualTo(BATCH);
      assertThat(suspended(branch)).isZero();

      BackupScripts.Result replay =
          scripts.run("replay-consumers.sh", "dues", backupTime, "--margin", "60");
      assertThat(replay.exitCode()).as(replay.err()).isZero();
      // the margin reaches back over batch A: it is delivered again and must be skipped
      assertThat(committedOffset(admin)).isLessThanOrEqualTo(offsetBeforeA);

      long restarted = System.nanoTime();
      registry.getListenerContainers().forEach(MessageListenerContainer::start);
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> projection(branch).equals(beforeRestore));
      long catchUpMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted);

      // batch A's replayed events changed nothing: the rows not touched by batch B keep the
      // time of their first and only application
      Map<UUID, Timestamp> updatedAtNow = updatedAt(branch);
      batchA
          .subList(STATUS_CHANGES, BATCH)
          .forEach(m -> assertThat(updatedAtNow.get(m)).isEqualTo(updatedAtBackup.get(m)));
      assertThat(marks(events)).isEqualTo(events.size());
      log.info(
          "backup drill: {} rows in proj_member, {} in processed_event; dump {} ms ({} bytes"
              + " gzipped), restore {} ms, replay-consumers.sh {} ms, catch-up of {} events {} ms",
          jdbc.queryForObject("SELECT COUNT(*) FROM proj_member", Long.class),
          jdbc.queryForObject("SELECT COUNT(*) FROM processed_event", Long.class),
          backup.millis(),
          manifest.getProperty("compressed_bytes"),
          restore.millis(),
          replay.millis(),
          BATCH + STATUS_CHANGES,
          catchUpMillis);
    } finally {
      registry.getListenerContainers().forEach(MessageListenerContainer::start);
    }
  }

  private List<UUID> register(MemberEventsFeed feed, UUID branch, List<UUID> events) {
    List<UUID> members = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      UUID member = UUID.randomUUID();
      LocalDate joined = LocalDate.of(2010 + i % 10, 7, 1);
      events.add(
          feed.send(
                  EventTypes.MEMBER_REGISTERED,
                  member.toString(),
                  feed.pathOf(branch),
                  new MemberRegistered(
                      member, branch, "FULL", "EMPLOYED", joined, joined.plusYears(1)))
              .eventId());
      members.add(member);
    }
    return members;
  }

  private int members(UUID branch) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM proj_member WHERE org_id = ?", Integer.class, Uuids.bytes(branch));
  }

  private int suspended(UUID branch) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM proj_member WHERE org_id = ? AND status = 'SUSPENDED'",
        Integer.class,
        Uuids.bytes(branch));
  }

  /** Everything a reader of the projection sees (updated_at is bookkeeping). */
  private List<Map<String, Object>> projection(UUID branch) {
    return jdbc.queryForList(
        "SELECT HEX(member_id) AS member, HEX(org_id) AS org, org_path, stage, status,"
            + " dues_category, join_date, full_member_date, flags, status_since, org_since"
            + " FROM proj_member WHERE org_id = ? ORDER BY member_id",
        Uuids.bytes(branch));
  }

  private Map<UUID, Timestamp> updatedAt(UUID branch) {
    Map<UUID, Timestamp> times = new HashMap<>();
    jdbc.query(
        "SELECT member_id, updated_at FROM proj_member WHERE org_id = ?",
        rs -> {
          times.put(Uuids.uuid(rs.getBytes(1)), rs.getTimestamp(2));
        },
        Uuids.bytes(branch));
    return times;
  }

  /** Processed marks of the projection for these events: one each, none twice. */
  private long marks(List<UUID> events) {
    return events.stream()
        .mapToLong(
            e ->
                jdbc.queryForObject(
                    "SELECT COUNT(*) FROM processed_event WHERE event_id = ?"
                        + " AND consumer = 'member-projection'",
                    Long.class,
                    e.toString()))
        .sum();
  }

  private static List<TopicPartition> partitions(Admin admin) throws Exception {
    return admin
        .describeTopics(List.of(Topics.MEMBER_EVENTS))
        .allTopicNames()
        .get(10, TimeUnit.SECONDS)
        .get(Topics.MEMBER_EVENTS)
        .partitions()
        .stream()
        .map(p -> new TopicPartition(Topics.MEMBER_EVENTS, p.partition()))
        .toList();
  }

  private static long endOffset(Admin admin) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions(admin).forEach(p -> latest.put(p, OffsetSpec.latest()));
    return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
        .mapToLong(o -> o.offset())
        .sum();
  }

  private static long committedOffset(Admin admin) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin
            .listConsumerGroupOffsets(GROUP)
            .partitionsToOffsetAndMetadata()
            .get(10, TimeUnit.SECONDS);
    return partitions(admin).stream()
        .mapToLong(p -> committed.containsKey(p) ? committed.get(p).offset() : 0)
        .sum();
  }

  private static boolean groupEmpty(Admin admin, String group) throws Exception {
    return admin
        .describeConsumerGroups(List.of(group))
        .all()
        .get(10, TimeUnit.SECONDS)
        .get(group)
        .members()
        .isEmpty();
  }
}
