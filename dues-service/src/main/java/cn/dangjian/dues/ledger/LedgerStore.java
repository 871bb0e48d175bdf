package cn.dangjian.dues.ledger;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.dues.config.DuesConfiguration;
import cn.dangjian.dues.support.Times;
import cn.dangjian.platform.projection.MemberProjection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's SQL: its own entries, and members' dues read from {@code dues_payment} (credited to
 * the payment's org: the org holding the relationship when the member paid). A payment counts on
 * the day it was paid, its reversal as a negative entry on the day it was reversed, so a period
 * already published never changes.
 */
@Repository
class LedgerStore {

  /** Dues of a payment for its org: a one-off extra that goes to the Centre is not the org's. */
  private static final String DUES =
      "bills_fen + CASE WHEN remit_to_centre THEN 0 ELSE extra_fen END";

  private static final String PASSED = "CASE WHEN remit_to_centre THEN extra_fen ELSE 0 END";

  private static final LocalDate BEGINNING = LocalDate.of(2000, 1, 1);

  private final JdbcTemplate jdbc;

  LedgerStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One entry; amounts positive except red-ink dues reversals. */
  record Entry(
      UUID id,
      UUID orgId,
      String orgPath,
      LedgerEntryKind kind,
      LocalDate date,
      long amountFen,
      @Nullable SpendingPurpose purpose,
      String reference,
      @Nullable UUID meetingId,
      @Nullable UUID counterpartOrgId,
      @Nullable UUID transferId,
      @Nullable String period,
      @Nullable String note,
      String recordedBy,
      Instant recordedAt) {}

  /**
   * Sums over a period: the stored entries by kind and by kind and purpose, the dues credited (net
   * of reversals) and what was passed on to the Centre.
   */
  record Sums(
      Map<LedgerEntryKind, Long> byKind,
      Map<LedgerEntryKind, Map<SpendingPurpose, Long>> byPurpose,
      long duesFen,
      long passedFen) {

    long of(LedgerEntryKind kind) {
      return kind == LedgerEntryKind.DUES ? duesFen : byKind.getOrDefault(kind, 0L);
    }

    /** The period's effect on the balance. */
    long change() {
      long change = 0;
      for (LedgerEntryKind kind : LedgerEntryKind.values()) {
        change += kind.sign() * of(kind);
      }
      return change;
    }
  }

  /** Serialises outgoing entries of an org: the balance read after this holds until commit. */
  @Transactional(propagation = Propagation.MANDATORY)
  void lock(UUID orgId, Instant now) {
    jdbc.update(
        "INSERT IGNORE INTO dues_account (org_id, created_at) VALUES (?,?)",
        bytes(orgId),
        Times.utc(now));
    jdbc.queryForList("SELECT org_id FROM dues_account WHERE org_id = ? FOR UPDATE", bytes(orgId));
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void insert(Entry e) {
    jdbc.update(
        "INSERT INTO dues_ledger_entry (id, org_id, org_path, kind, entry_date, amount_fen,"
            + " purpose, reference, meeting_id, counterpart_org_id, transfer_id, period, note,"
            + " recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        bytes(e.id()),
        bytes(e.orgId()),
        e.orgPath(),
        e.kind().name(),
        e.date(),
        e.amountFen(),
        e.purpose() == null ? null : e.purpose().name(),
        e.reference(),
        bytes(e.meetingId()),
        bytes(e.counterpartOrgId()),
        bytes(e.transferId()),
        e.period(),
        e.note(),
        e.recordedBy(),
        Times.utc(e.recordedAt()));
  }

  boolean remitted(UUID orgId, String quarter) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM dues_ledger_entry WHERE org_id = ? AND kind = 'REMITTANCE_OUT'"
                + " AND period = ?",
            Integer.class,
            bytes(orgId),
            quarter);
    return n != null && n > 0;
  }

  /** Sums over [from, to) (calendar days, Asia/Shanghai); from null: since the beginning. */
  Sums sums(UUID orgId, @Nullable LocalDate from, LocalDate to) {
    LocalDate start = from == null ? BEGINNING : from;
    Map<LedgerEntryKind, Long> byKind = new EnumMap<>(LedgerEntryKind.class);
    Map<LedgerEntryKind, Map<SpendingPurpose, Long>> byPurpose =
        new EnumMap<>(LedgerEntryKind.class);
    jdbc.query(
        "SELECT kind, purpose, SUM(amount_fen) AS fen FROM dues_ledger_entry WHERE org_id = ?"
            + " AND entry_date >= ? AND entry_date < ? GROUP BY kind, purpose",
        rs -> {
          LedgerEntryKind kind = LedgerEntryKind.valueOf(rs.getString("kind"));
          long fen = rs.getLong("fen");
          byKind.merge(kind, fen, Long::sum);
          String purpose = rs.getString("purpose");
          if (purpose != null) {
            byPurpose
                .computeIfAbsent(kind, k -> new EnumMap<>(SpendingPurpose.class))
                .merge(SpendingPurpose.valueOf(purpose), fen, Long::sum);
          }
        },
        bytes(orgId),
        start,
        to);
    LocalDateTime a = utc(start);
    LocalDateTime b = utc(to);
    long[] dues = new long[2];
    jdbc.query(
        "SELECT COALESCE(SUM(CASE WHEN paid_at >= ? AND paid_at < ? THEN d ELSE 0 END), 0)"
            + " - COALESCE(SUM(CASE WHEN reversed_at >= ? AND reversed_at < ? THEN d ELSE 0 END),"
            + " 0) AS dues,"
            + " COALESCE(SUM(CASE WHEN paid_at >= ? AND paid_at < ? THEN p ELSE 0 END), 0)"
            + " - COALESCE(SUM(CASE WHEN reversed_at >= ? AND reversed_at < ? THEN p ELSE 0 END),"
            + " 0) AS passed"
            + " FROM (SELECT "
            + DUES
            + " AS d, "
            + PASSED
            + " AS p, paid_at, reversed_at FROM dues_payment WHERE org_id = ?"
            + " AND paid_at IS NOT NULL AND paid_at < ?) x",
        rs -> {
          dues[0] = rs.getLong("dues");
          dues[1] = rs.getLong("passed");
        },
        a,
        b,
        a,
        b,
        a,
        b,
        a,
        b,
        bytes(orgId),
        b);
    return new Sums(byKind, byPurpose, dues[0], dues[1]);
  }

  /** The entries of [from, to): stored ones, and payments and reversals as dues lines. */
  List<Entry> entries(UUID orgId, String orgPath, LocalDate from, LocalDate to) {
    List<Entry> entries =
        new ArrayList<>(
            jdbc.query(
                "SELECT * FROM dues_ledger_entry WHERE org_id = ? AND entry_date >= ?"
                    + " AND entry_date < ?",
                (rs, n) ->
                    new Entry(
                        uuid(rs.getBytes("id")),
                        orgId,
                        rs.getString("org_path"),
                        LedgerEntryKind.valueOf(rs.getString("kind")),
                        rs.getObject("entry_date", LocalDate.class),
                        rs.getLong("amount_fen"),
                        rs.getString("purpose") == null
                            ? null
                            : SpendingPurpose.valueOf(rs.getString("purpose")),
                        rs.getString("reference"),
                        uuid(rs.getBytes("meeting_id")),
                        uuid(rs.getBytes("counterpart_org_id")),
                        uuid(rs.getBytes("transfer_id")),
                        rs.getString("period"),
                        rs.getString("note"),
                        rs.getString("recorded_by"),
                        Times.instant(rs, "recorded_at")),
                bytes(orgId),
                from,
                to));
    for (PaymentLine line : paymentLines(orgId, from, to)) {
      entries.addAll(line.entries(orgId, orgPath));
    }
    entries.sort(java.util.Comparator.comparing(Entry::date).thenComparing(Entry::recordedAt));
    return entries;
  }

  /** Dues credited per month of a year (payments on their day, reversals on theirs). */
  Map<YearMonth, Long> duesByMonth(UUID orgId, int year) {
    LocalDate from = LocalDate.of(year, 1, 1);
    LocalDate to = from.plusYears(1);
    Map<YearMonth, Long> months = new TreeMap<>();
    for (int m = 1; m <= 12; m++) {
      months.put(YearMonth.of(year, m), 0L);
    }
    for (PaymentLine line : paymentLines(orgId, from, to)) {
      for (Entry e : line.entries(orgId, "")) {
        if (e.kind() == LedgerEntryKind.DUES) {
          months.merge(YearMonth.from(e.date()), e.amountFen(), Long::sum);
        }
      }
    }
    return months;
  }

  /** A payment paid or reversed in a period, as the ledger sees it. */
  private record PaymentLine(
      UUID paymentId,
      long duesFen,
      long passedFen,
      String reference,
      String recordedBy,
      @Nullable Instant paidAt,
      @Nullable Instant reversedAt,
      @Nullable String reversedBy,
      LocalDate from,
      LocalDate to) {

    List<Entry> entries(UUID orgId, String orgPath) {
      List<Entry> out = new ArrayList<>();
      add(out, orgId, orgPath, paidAt, 1, "缴费 " + reference, recordedBy);
      add(out, orgId, orgPath, reversedAt, -1, "冲正 " + reference, reversedBy);
      return out;
    }

    private void add(
        List<Entry> out, UUID orgId, String orgPath, Instant at, int sign, String ref, String by) {
      if (at == null) {
        return;
      }
      LocalDate day = LocalDate.ofInstant(at, DuesConfiguration.CALENDAR);
      if (day.isBefore(from) || !day.isBefore(to)) {
        return;
      }
      out.add(line(orgId, orgPath, LedgerEntryKind.DUES, day, sign * duesFen, ref, by, at));
      if (passedFen != 0) {
        out.add(
            line(
                orgId,
                orgPath,
                LedgerEntryKind.PASSED_TO_CENTRE,
                day,
                sign * passedFen,
                ref,
                by,
                at));
      }
    }

    private Entry line(
        UUID orgId,
        String orgPath,
        LedgerEntryKind kind,
        LocalDate day,
        long fen,
        String ref,
        String by,
        Instant at) {
      return new Entry(
          paymentId,
          orgId,
          orgPath,
          kind,
          day,
          fen,
          null,
          ref,
          null,
          null,
          paymentId,
          null,
          null,
          by == null ? "" : by,
          at);
    }
  }

  private List<PaymentLine> paymentLines(UUID orgId, LocalDate from, LocalDate to) {
    LocalDateTime a = utc(from);
    LocalDateTime b = utc(to);
    return jdbc.query(
        "SELECT id, "
            + DUES
            + " AS d, "
            + PASSED
            + " AS p, COALESCE(receipt_no, provider_order_id, '') AS ref, recorded_by,"
            + " paid_at, reversed_at, reversed_by FROM dues_payment WHERE org_id = ?"
            + " AND ((paid_at >= ? AND paid_at < ?) OR (reversed_at >= ? AND reversed_at < ?))",
        (rs, n) ->
            new PaymentLine(
                uuid(rs.getBytes("id")),
                rs.getLong("d"),
                rs.getLong("p"),
                rs.getString("ref"),
                rs.getString("recorded_by"),
                Times.instant(rs, "paid_at"),
                Times.instant(rs, "reversed_at"),
                rs.getString("reversed_by"),
                from,
                to),
        bytes(orgId),
        a,
        b,
        a,
        b);
  }

  /** The orgs with dues paid or reversed in [from, to), under a path (null: everywhere). */
  List<UUID> orgsWithDues(LocalDate from, LocalDate to, @Nullable String pathPrefix) {
    LocalDateTime a = utc(from);
    LocalDateTime b = utc(to);
    List<Object> args = new ArrayList<>(List.of(a, b, a, b));
    String filter = "";
    if (pathPrefix != null) {
      filter = " AND o.path LIKE ?";
      args.add(MemberProjection.prefixPattern(pathPrefix));
    }
    return jdbc.query(
        "SELECT DISTINCT p.org_id FROM dues_payment p JOIN proj_org o ON o.org_id = p.org_id"
            + " WHERE ((p.paid_at >= ? AND p.paid_at < ?) OR (p.reversed_at >= ?"
            + " AND p.reversed_at < ?))"
            + filter
            + " ORDER BY p.org_id",
        (rs, n) -> uuid(rs.getBytes(1)),
        args.toArray());
  }

  Optional<String> publication(UUID orgId, int year) {
    return jdbc
        .queryForList(
            "SELECT figures FROM dues_ledger_publication WHERE org_id = ? AND ledger_year = ?",
            String.class,
            bytes(orgId),
            year)
        .stream()
        .findFirst();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void publish(UUID orgId, int year, String orgPath, String figures, String by, Instant at) {
    jdbc.update(
        "INSERT INTO dues_ledger_publication (org_id, ledger_year, org_path, figures,"
            + " published_by, published_at) VALUES (?,?,?,?,?,?)",
        bytes(orgId),
        year,
        orgPath,
        figures,
        by,
        Times.utc(at));
  }

  private static LocalDateTime utc(LocalDate day) {
    return Times.utc(day.atStartOfDay(DuesConfiguration.CALENDAR).toInstant());
  }
}
