package cn.dangjian.platform.projection;

import static cn.dangjian.platform.persistence.Uuids.bytes;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.Topics;
import cn.dangjian.events.member.DevelopmentStepRecorded;
import cn.dangjian.events.member.MemberFlagChanged;
import cn.dangjian.events.member.MemberRegistered;
import cn.dangjian.events.member.MemberStatusChanged;
import cn.dangjian.events.member.MemberUpdated;
import cn.dangjian.events.member.MobileCertificateChanged;
import cn.dangjian.events.member.OrgCreated;
import cn.dangjian.events.member.OrgDissolved;
import cn.dangjian.events.member.OrgMoved;
import cn.dangjian.events.member.OrgRenamed;
import cn.dangjian.events.member.TransferChanged;
import cn.dangjian.platform.events.EventEnvelopeReader;
import cn.dangjian.platform.events.ProcessedEvents;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Keeps {@code proj_org} and {@code proj_member} in step with {@code member.events}: idempotent
 * (each event id once, in the transaction of its effect), in order per subject (Kafka key), and a
 * record that is no envelope goes to the DLT. Unknown types are skipped: schemas only grow.
 */
public class MemberEventsProjector {

  static final String CONSUMER = "member-projection";
  private static final Logger log = LoggerFactory.getLogger(MemberEventsProjector.class);
  private static final ZoneId CALENDAR = ZoneId.of("Asia/Shanghai");

  private final EventEnvelopeReader reader;
  private final ProcessedEvents processed;
  private final JdbcTemplate jdbc;
  private final MemberProjection projection;
  private final List<MemberEventsHook> hooks;
  private final Clock clock;

  public MemberEventsProjector(
      EventEnvelopeReader reader,
      ProcessedEvents processed,
      JdbcTemplate jdbc,
      MemberProjection projection,
      List<MemberEventsHook> hooks,
      Clock clock) {
    this.reader = reader;
    this.processed = processed;
    this.jdbc = jdbc;
    this.projection = projection;
    this.hooks = List.copyOf(hooks);
    this.clock = clock;
  }

  @KafkaListener(
      id = "${spring.application.name}-member-projection",
      topics = Topics.MEMBER_EVENTS,
      groupId = "${spring.application.name}-member-projection")
  @Transactional
  public void onRecord(ConsumerRecord<String, byte[]> record) {
    apply(reader.read(record));
  }

  /** Applies one envelope (also what tests and replays call). */
  @Transactional
  public void apply(EventEnvelope<JsonNode> envelope) {
    if (!processed.markFirstTime(envelope.eventId(), CONSUMER, envelope.type())) {
      return;
    }
    switch (envelope.type()) {
      case EventTypes.ORG_CREATED ->
          orgCreated(envelope, reader.payload(envelope, OrgCreated.class));
      case EventTypes.ORG_RENAMED -> orgRenamed(reader.payload(envelope, OrgRenamed.class));
      case EventTypes.ORG_MOVED -> orgMoved(reader.payload(envelope, OrgMoved.class));
      case EventTypes.ORG_DISSOLVED -> orgDissolved(reader.payload(envelope, OrgDissolved.class));
      case EventTypes.MEMBER_REGISTERED ->
          memberRegistered(envelope, reader.payload(envelope, MemberRegistered.class));
      case EventTypes.MEMBER_UPDATED ->
          memberUpdated(reader.payload(envelope, MemberUpdated.class));
      case EventTypes.MEMBER_STATUS_CHANGED ->
          statusChanged(reader.payload(envelope, MemberStatusChanged.class));
      case EventTypes.MEMBER_FLAG_CHANGED ->
          flagChanged(reader.payload(envelope, MemberFlagChanged.class));
      case EventTypes.MEMBER_DEVELOPMENT_STEP ->
          developmentStep(reader.payload(envelope, DevelopmentStepRecorded.class));
      case EventTypes.MEMBER_TRANSFER_CHANGED ->
          transferChanged(reader.payload(envelope, TransferChanged.class));
      case EventTypes.MEMBER_MOBILE_CHANGED ->
          mobileChanged(reader.payload(envelope, MobileCertificateChanged.class));
      default -> {
        // committee.changed, org.structure-changed and future types change nothing here
      }
    }
    hooks.forEach(hook -> hook.on(envelope));
  }

  private void orgCreated(EventEnvelope<JsonNode> envelope, OrgCreated e) {
    jdbc.update(
        "INSERT INTO proj_org (org_id, parent_id, name, org_type, path, depth, dissolved,"
            + " created_on, updated_at) VALUES (?,?,?,?,?,?,FALSE,?,?) ON DUPLICATE KEY UPDATE"
            + " parent_id = VALUES(parent_id), name = VALUES(name), org_type = VALUES(org_type),"
            + " path = VALUES(path), depth = VALUES(depth), updated_at = VALUES(updated_at)",
        bytes(e.orgId()),
        bytes(e.parentId()),
        e.name(),
        e.orgType(),
        e.path(),
        depthOf(e.path()),
        LocalDate.ofInstant(envelope.occurredAt(), CALENDAR),
        now());
  }

  private void orgRenamed(OrgRenamed e) {
    jdbc.update(
        "UPDATE proj_org SET name = ?, updated_at = ? WHERE org_id = ?",
        e.name(),
        now(),
        bytes(e.orgId()));
  }

  /** One statement per table rewrites every path under the old prefix, like member-service. */
  private void orgMoved(OrgMoved e) {
    int depthShift = depthOf(e.newPath()) - depthOf(e.oldPath());
    String pattern = MemberProjection.prefixPattern(e.oldPath());
    int from = e.oldPath().length() + 1;
    jdbc.update(
        "UPDATE proj_org SET path = CONCAT(?, SUBSTRING(path, ?)), depth = depth + ?,"
            + " updated_at = ? WHERE path LIKE ?",
        e.newPath(),
        from,
        depthShift,
        now(),
        pattern);
    jdbc.update(
        "UPDATE proj_org SET parent_id = ? WHERE org_id = ?",
        bytes(e.newParentId()),
        bytes(e.orgId()));
    jdbc.update(
        "UPDATE proj_member SET org_path = CONCAT(?, SUBSTRING(org_path, ?)), updated_at = ?"
            + " WHERE org_path LIKE ?",
        e.newPath(),
        from,
        now(),
        pattern);
    jdbc.update(
        "UPDATE proj_mobile SET host_org_path = CONCAT(?, SUBSTRING(host_org_path, ?)),"
            + " updated_at = ? WHERE host_org_path LIKE ?",
        e.newPath(),
        from,
        now(),
        pattern);
  }

  private void orgDissolved(OrgDissolved e) {
    jdbc.update(
        "UPDATE proj_org SET dissolved = TRUE, updated_at = ? WHERE org_id = ?",
        now(),
        bytes(e.orgId()));
  }

  private void memberRegistered(EventEnvelope<JsonNode> envelope, MemberRegistered e) {
    String orgPath = envelope.orgPath();
    if (orgPath == null) {
      orgPath = projection.org(e.orgId()).map(ProjectedOrg::path).orElse("/" + e.orgId() + "/");
    }
    LocalDate registeredOn = LocalDate.ofInstant(envelope.occurredAt(), CALENDAR);
    jdbc.update(
        "INSERT INTO proj_member (member_id, org_id, org_path, stage, status, dues_category,"
            + " join_date, full_member_date, flags, status_since, org_since, updated_at)"
            + " VALUES (?,?,?,?,'ACTIVE',?,?,?,'',?,?,?) ON DUPLICATE KEY UPDATE"
            + " org_id = VALUES(org_id), org_path = VALUES(org_path), stage = VALUES(stage),"
            + " dues_category = VALUES(dues_category), join_date = VALUES(join_date),"
            + " full_member_date = VALUES(full_member_date), updated_at = VALUES(updated_at)",
        bytes(e.memberId()),
        bytes(e.orgId()),
        orgPath,
        e.stage(),
        e.duesCategory(),
        e.joinDate(),
        e.fullMemberDate(),
        registeredOn,
        registeredOn,
        now());
  }

  private void memberUpdated(MemberUpdated e) {
    if (e.duesCategory() != null) {
      update(e.memberId(), "dues_category = ?", e.duesCategory());
    }
    if (e.stage() != null) {
      update(e.memberId(), "stage = ?", e.stage());
    }
  }

  private void statusChanged(MemberStatusChanged e) {
    update(e.memberId(), "status = ?, status_since = ?", e.toStatus(), e.effectiveOn());
  }

  private void flagChanged(MemberFlagChanged e) {
    projection
        .member(e.memberId())
        .ifPresentOrElse(
            member -> {
              Set<String> flags = new TreeSet<>(member.flags());
              if (e.active()) {
                flags.add(e.flag());
              } else {
                flags.remove(e.flag());
              }
              update(e.memberId(), "flags = ?", String.join(",", flags));
            },
            () -> unknownMember(e.memberId()));
  }

  /** The step's stage is the member's stage after it; admission starts 党籍 (and dues). */
  private void developmentStep(DevelopmentStepRecorded e) {
    if (e.stage() == null) {
      return;
    }
    // Older events carry no dates: the admitting (or converting) step's own date stands in.
    LocalDate joinDate =
        e.joinDate() != null ? e.joinDate() : "PROBATIONARY".equals(e.stage()) ? e.doneOn() : null;
    LocalDate fullMemberDate =
        e.fullMemberDate() != null
            ? e.fullMemberDate()
            : "FULL".equals(e.stage()) ? e.doneOn() : null;
    update(
        e.memberId(),
        "stage = ?, join_date = COALESCE(?, join_date),"
            + " full_member_date = COALESCE(?, full_member_date)",
        e.stage(),
        joinDate,
        fullMemberDate);
  }

  /** The relationship moves only on receipt; until then the sending branch holds it. */
  private void transferChanged(TransferChanged e) {
    if (!"RECEIVED".equals(e.status()) && !"COMPLETED".equals(e.status())) {
      return;
    }
    if (e.toOrgId() == null || e.memberOrgPath() == null) {
      return; // outbound: the member leaves the system through member.status-changed
    }
    update(
        e.memberId(),
        "org_id = ?, org_path = ?, org_since = COALESCE(?, org_since)",
        bytes(e.toOrgId()),
        e.memberOrgPath(),
        e.effectiveOn());
  }

  /** The member's latest 活动证 replaces the one before (a member holds one at a time). */
  private void mobileChanged(MobileCertificateChanged e) {
    jdbc.update(
        "INSERT INTO proj_mobile (member_id, certificate_id, home_org_id, host_org_id,"
            + " host_org_path, status, fixed_place, away_since, issued_on, valid_until,"
            + " last_reported_on, closed_on, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
            + " ON DUPLICATE KEY UPDATE certificate_id = VALUES(certificate_id),"
            + " home_org_id = VALUES(home_org_id), host_org_id = VALUES(host_org_id),"
            + " host_org_path = VALUES(host_org_path), status = VALUES(status),"
            + " fixed_place = VALUES(fixed_place), away_since = VALUES(away_since),"
            + " issued_on = VALUES(issued_on), valid_until = VALUES(valid_until),"
            + " last_reported_on = VALUES(last_reported_on), closed_on = VALUES(closed_on),"
            + " updated_at = VALUES(updated_at)",
        bytes(e.memberId()),
        bytes(e.certificateId()),
        bytes(e.homeOrgId()),
        e.hostOrgId() == null ? null : bytes(e.hostOrgId()),
        e.hostOrgPath(),
        e.status(),
        e.fixedPlace(),
        e.awaySince(),
        e.issuedOn(),
        e.validUntil(),
        e.lastReportedOn(),
        e.closedOn(),
        now());
  }

  private void update(UUID memberId, String assignments, Object... values) {
    Object[] args = new Object[values.length + 2];
    System.arraycopy(values, 0, args, 0, values.length);
    args[values.length] = now();
    args[values.length + 1] = bytes(memberId);
    int rows =
        jdbc.update(
            "UPDATE proj_member SET " + assignments + ", updated_at = ? WHERE member_id = ?", args);
    if (rows == 0) {
      unknownMember(memberId);
    }
  }

  private static void unknownMember(UUID memberId) {
    // Possible when this service started after the member registered and the topic's retention
    // dropped the registration; the next full replay or registration fills it in.
    log.warn("member event for a member not in the projection: {}", memberId);
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  static int depthOf(String path) {
    int depth = 0;
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) == '/') {
        depth++;
      }
    }
    return Math.max(depth - 1, 1);
  }
}
