package cn.dangjian.alert.notification;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.platform.projection.MemberProjection;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Who is to be told, from what alert-service already projects from events: the shared {@code
 * proj_member}/{@code proj_org}, {@code org_state.secretary_member_id} and {@code member_state}
 * (training hours, arrears, letters in transit). Read only.
 */
@Repository
class RecipientQueries {

  /** Members a subtree's notices go to: active, admitted (probationary or full). */
  static final String ACTIVE_ADMITTED =
      "m.status = 'ACTIVE' AND m.stage IN ('PROBATIONARY','FULL')";

  record HoursShort(UUID memberId, BigDecimal hours) {}

  record ArrearsList(UUID orgId, int members) {}

  record ExpiredLetter(UUID memberId, UUID transferId, UUID orgId, LocalDate validUntil) {}

  private final JdbcTemplate jdbc;

  RecipientQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<UUID> secretaryOf(UUID orgId) {
    if (orgId == null) {
      return Optional.empty();
    }
    return jdbc
        .query(
            "SELECT secretary_member_id FROM org_state WHERE org_id = ?"
                + " AND secretary_member_id IS NOT NULL",
            (rs, i) -> uuid(rs.getBytes(1)),
            bytes(orgId))
        .stream()
        .filter(Objects::nonNull)
        .findFirst();
  }

  /** The secretaries of these orgs (vacant posts left out), each once. */
  List<UUID> secretariesOf(Collection<UUID> orgIds) {
    return orgIds.stream()
        .filter(Objects::nonNull)
        .distinct()
        .map(this::secretaryOf)
        .flatMap(Optional::stream)
        .distinct()
        .toList();
  }

  /** The next orgs of a subtree in path order after {@code afterPath} (a fan-out's chunk). */
  Map<UUID, String> orgsOfSubtree(String rootPath, String afterPath, int limit) {
    Map<UUID, String> orgs = new LinkedHashMap<>();
    jdbc.query(
        "SELECT org_id, path FROM proj_org WHERE path LIKE ? AND path > ? ORDER BY path LIMIT ?",
        rs -> {
          orgs.put(uuid(rs.getBytes(1)), rs.getString(2));
        },
        MemberProjection.prefixPattern(rootPath),
        afterPath,
        limit);
    return orgs;
  }

  /** Active admitted members whose hours this year are below {@code required}, in id order. */
  List<HoursShort> trainingShort(int year, int required, UUID after, int limit) {
    return jdbc.query(
        "SELECT m.member_id, COALESCE(CASE WHEN s.training_year = ? THEN s.training_hours END, 0)"
            + " AS hours FROM proj_member m LEFT JOIN member_state s ON s.member_id = m.member_id"
            + " WHERE "
            + ACTIVE_ADMITTED
            + " AND m.member_id > ?"
            + " AND COALESCE(CASE WHEN s.training_year = ? THEN s.training_hours END, 0) < ?"
            + " ORDER BY m.member_id LIMIT ?",
        (rs, i) -> new HoursShort(uuid(rs.getBytes(1)), rs.getBigDecimal(2)),
        year,
        bytes(after),
        year,
        required,
        limit);
  }

  /** Branches with members three or more months in arrears, and how many. */
  List<ArrearsList> arrearsLists(int months) {
    return jdbc.query(
        "SELECT m.org_id, COUNT(*) FROM member_state s JOIN proj_member m"
            + " ON m.member_id = s.member_id WHERE s.arrears_months >= ? AND m.status = 'ACTIVE'"
            + " GROUP BY m.org_id",
        (rs, i) -> new ArrearsList(uuid(rs.getBytes(1)), rs.getInt(2)),
        months);
  }

  /** Letters issued and still not received after their validity. */
  List<ExpiredLetter> expiredLetters(LocalDate today) {
    return jdbc.query(
        "SELECT s.member_id, s.transfer_id, m.org_id, s.transfer_valid_until FROM member_state s"
            + " JOIN proj_member m ON m.member_id = s.member_id WHERE s.transfer_id IS NOT NULL"
            + " AND s.transfer_valid_until < ?",
        (rs, i) ->
            new ExpiredLetter(
                uuid(rs.getBytes(1)),
                uuid(rs.getBytes(2)),
                uuid(rs.getBytes(3)),
                rs.getDate(4).toLocalDate()),
        Date.valueOf(today));
  }
}
