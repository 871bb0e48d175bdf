package cn.dangjian.bench.province;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What alert-service and assessment-service would have built from a year of {@code orglife.events}
 * and {@code dues.events}, derived on the server (INSERT … SELECT across schemas) from the rows
 * just loaded into org-life-service's and dues-service's schemas, so all services agree to the row.
 * The SQL mirrors the services' own consumers: alert-service's {@code DomainEventsConsumer}/{@code
 * StateStore} (meetings with their status, attendance of counted meetings with 流动党员在外地参加 counted as
 * attended, member state with arrears and the last-attended/absent-since/missed-count columns as
 * {@code recomputeAttendance} sets them) and assessment-service's {@code SourceEventsConsumer}
 * (src_meeting, src_dues_month). Not derived: training hours, development steps, points, org terms.
 */
final class DerivedState {

  private DerivedState() {}

  static void alert(Loading loading, String orglife, String dues) throws Exception {
    Progress progress = new Progress(loading.label("state"), 4 + ProvinceGenerator.MONTHS, "steps");
    try (Connection c = loading.connect();
        Statement st = c.createStatement()) {
      count(
          loading,
          "org_meeting",
          st.executeUpdate(
              "INSERT INTO org_meeting (meeting_id, org_id, meeting_type, held_on, status,"
                  + " counted, record_version) SELECT id, org_id, meeting_type, held_on, status,"
                  + " status IN ('APPROVED', 'ARCHIVED'), record_version FROM "
                  + orglife
                  + ".meeting"));
      progress.add(1);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO meeting_attendance (meeting_id, member_id, held_on, attended, reason)"
                  + " SELECT a.meeting_id, a.member_id, m.held_on, a.present OR a.absence_reason"
                  + " <=> 'MOBILE_ELSEWHERE', a.absence_reason FROM "
                  + orglife
                  + ".meeting m JOIN "
                  + orglife
                  + ".meeting_attendance a ON a.meeting_id = m.id WHERE m.status IN"
                  + " ('APPROVED','ARCHIVED') AND m.held_on >= ? AND m.held_on < ?")) {
        for (int month = 0; month < ProvinceGenerator.MONTHS; month++) {
          YearMonth ym = ProvinceGenerator.FIRST_MONTH.plusMonths(month);
          ps.setObject(1, ym.atDay(1));
          ps.setObject(2, ym.plusMonths(1).atDay(1));
          count(loading, "meeting_attendance", ps.executeUpdate());
          progress.add(1);
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO member_state (member_id, tracked_since, updated_at) SELECT member_id,"
                  + " org_since, ? FROM proj_member")) {
        ps.setObject(1, ProvinceGenerator.asOfUtc());
        count(loading, "member_state", ps.executeUpdate());
      }
      progress.add(1);
      st.executeUpdate(
          "UPDATE member_state s JOIN "
              + dues
              + ".dues_arrears a ON a.member_id = s.member_id SET s.arrears_months = a.months,"
              + " s.arrears_since = DATE_FORMAT(a.since_month, '%Y-%m'), s.arrears_fen ="
              + " a.outstanding_fen WHERE a.months > 0");
      progress.add(1);
      // recomputeAttendance for everyone at once: two grouped passes instead of three correlated
      // subqueries per member (same values; missed = absences after the last attended meeting)
      st.execute(
          "CREATE TEMPORARY TABLE prov_last (PRIMARY KEY (member_id)) AS SELECT member_id,"
              + " MAX(IF(attended, held_on, NULL)) AS last_attended FROM meeting_attendance"
              + " GROUP BY member_id");
      st.execute(
          "CREATE TEMPORARY TABLE prov_absent (PRIMARY KEY (member_id)) AS SELECT a.member_id,"
              + " MIN(a.held_on) AS since, COUNT(*) AS missed FROM meeting_attendance a JOIN"
              + " prov_last l ON l.member_id = a.member_id WHERE a.attended = FALSE AND a.held_on"
              + " > COALESCE(l.last_attended, '1900-01-01') GROUP BY a.member_id");
      st.executeUpdate(
          "UPDATE member_state s JOIN prov_last l ON l.member_id = s.member_id"
              + " SET s.last_attended_on = l.last_attended");
      st.executeUpdate(
          "UPDATE member_state s JOIN prov_absent x ON x.member_id = s.member_id"
              + " SET s.absent_since = x.since, s.missed_count = x.missed");
      progress.add(1);
    }
    progress.finish();
  }

  static void assessment(Loading loading, String orglife, String dues) throws Exception {
    Progress progress =
        new Progress(loading.label("sources"), 1 + ProvinceGenerator.MONTHS, "steps");
    try (Connection c = loading.connect();
        Statement st = c.createStatement()) {
      count(
          loading,
          "src_meeting",
          st.executeUpdate(
              "INSERT INTO src_meeting (meeting_id, org_id, meeting_type, held_on, counted,"
                  + " record_version) SELECT id, org_id, meeting_type, held_on, status IN"
                  + " ('APPROVED','ARCHIVED'), record_version FROM "
                  + orglife
                  + ".meeting"));
      progress.add(1);
      // a paid month is on time unless paid in a later month (paid_on in Asia/Shanghai)
      String paidOn = "DATE(CONVERT_TZ(p.paid_at, '+00:00', '+08:00'))";
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO src_dues_month (member_id, pay_month, org_id, payment_id, paid_on,"
                  + " on_time) SELECT p.member_id, DATE_FORMAT(i.bill_month, '%Y-%m'), p.org_id,"
                  + " p.id, "
                  + paidOn
                  + ", i.bill_month >= DATE_FORMAT("
                  + paidOn
                  + ", '%Y-%m-01') FROM "
                  + dues
                  + ".dues_payment p JOIN "
                  + dues
                  + ".dues_payment_item i ON i.payment_id = p.id WHERE p.status = 'PAID'"
                  + " AND p.id >= ? AND p.id < ?")) {
        // payment ids are UUIDv7 of the payment's moment: one month of payments per statement
        for (int month = 0; month < ProvinceGenerator.MONTHS; month++) {
          YearMonth ym = ProvinceGenerator.FIRST_MONTH.plusMonths(month);
          ps.setBytes(1, month == 0 ? new byte[16] : idFloor(ym.atDay(1)));
          ps.setBytes(
              2,
              month == ProvinceGenerator.MONTHS - 1 ? maxId() : idFloor(ym.plusMonths(1).atDay(1)));
          count(loading, "src_dues_month", ps.executeUpdate());
          progress.add(1);
        }
      }
    }
    progress.finish();
  }

  /** The smallest UUIDv7 of the first millisecond of the day (Asia/Shanghai). */
  private static byte[] idFloor(LocalDate day) {
    long millis = day.atStartOfDay(ProvinceGenerator.ZONE).toInstant().toEpochMilli();
    byte[] b = new byte[16];
    for (int i = 0; i < 6; i++) {
      b[i] = (byte) (millis >>> (8 * (5 - i)));
    }
    return b;
  }

  private static byte[] maxId() {
    byte[] b = new byte[16];
    java.util.Arrays.fill(b, (byte) 0xFF);
    return b;
  }

  private static void count(Loading loading, String table, long rows) {
    loading.rows.merge(table, rows, Long::sum);
  }
}
