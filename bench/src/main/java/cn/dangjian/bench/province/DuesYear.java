package cn.dangjian.bench.province;

import cn.dangjian.bench.ProvinceTree;
import cn.dangjian.bench.UuidV7s;
import cn.dangjian.bench.dues.BenchLoad;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * dues-service's year (December 2025 – November 2026) as its bill runs, offline payments and
 * arrears refreshes leave it: for every admitted active member the twelve monthly bills (fewer for
 * those admitted during the year), the assessment profiles the salary and pension categories need
 * (年初核定 for 2025 and 2026), the payments with their items (monthly, quarterly or half-yearly
 * payers, recorded by the branch's party worker with a receipt number), and {@code dues_arrears}: 5
 * % of the billed members owe the last 1–6 months; those who paid late before have a row with 0
 * months. Bills go month by month (a month's bill run, ids in member order as the set-based run
 * makes them), payments within a month in time order, so the primary keys grow as in production.
 * Each member's year comes from a generator seeded by the seed and the member's position, so the
 * same seed gives the same rows.
 */
final class DuesYear {

  private static final long FIXED_FEN = 20; // DuesProperties fixedFen and farmerDefaultFen
  private static final long BILL_RUN_MILLIS = 60_000; // a month's run for 1,000,000 members

  private DuesYear() {}

  /** One member's year, recomputed identically whenever it is needed. */
  private record Plan(
      List<Profile> profiles,
      List<Integer> billed, // window month indexes billed (0 = December 2025)
      long[] amount, // per window month
      byte[][] profile, // profile id in force per window month, null for the fixed categories
      String[] category,
      int arrears, // trailing unpaid billed months
      List<Payment> payments) {}

  /** A payment of the billed months {@code from..to} (indexes into {@code billed}). */
  private record Payment(byte[] id, int from, int to, long millis, int month) {}

  /** A profile row (written once, before the bills). */
  private record Profile(
      byte[] id,
      int year,
      LocalDate effective,
      String category,
      String kind,
      long base,
      LocalDateTime created) {}

  static void write(ProvinceMembers register, Loading loading, long seed) throws Exception {
    List<ProvinceMembers.Member> members = register.members;
    ProvinceTree tree = register.tree;
    long billedMembers = members.stream().filter(DuesYear::billable).count();
    // each billed member's year, computed once (about 1 KB a member)
    Plan[] plans = new Plan[members.size()];
    Progress profiles = new Progress(loading.label("profiles"), billedMembers, "members");
    try (BatchWriter w =
        loading.writer(
            "dues_profile",
            "id, member_id, dues_year, effective_month, category, base_kind, base_fen,"
                + " rate_percent, standard_fen, hardship, created_by, created_at, updated_at,"
                + " version",
            1,
            null)) {
      for (int i = 0; i < members.size(); i++) {
        ProvinceMembers.Member m = members.get(i);
        if (billable(m)) {
          plans[i] = plan(m, random(seed, i));
          for (Profile p : plans[i].profiles()) {
            w.add(
                p.id(),
                m.id(),
                p.year(),
                p.effective(),
                p.category(),
                p.kind(),
                p.base(),
                BigDecimal.valueOf(BenchLoad.rate(p.category(), p.base())),
                BenchLoad.standard(p.category(), p.base()),
                "NONE",
                "prov-worker",
                p.created(),
                p.created(),
                0L);
          }
          profiles.add(1);
        }
      }
    }
    profiles.finish();

    Progress bills = new Progress(loading.label("bills"), billedMembers * 12, "bills");
    try (BatchWriter billWriter =
            loading.writer(
                "dues_bill",
                "id, member_id, bill_month, org_id, category, amount_fen, status, origin,"
                    + " profile_id, payment_id, paid_at, issued_at, version",
                // the largest table (12 per member): one LOAD DATA thread leaves a core idle
                2,
                null);
        BatchWriter paymentWriter =
            loading.writer(
                "dues_payment",
                "id, member_id, org_id, org_path, channel, status, months, bills_fen, extra_fen,"
                    + " total_fen, remit_to_centre, receipt_no, recorded_by, created_at, paid_at,"
                    + " version",
                1,
                null);
        BatchWriter itemWriter =
            loading.writer(
                "dues_payment_item",
                "payment_id, bill_id, bill_month, amount_fen, prepaid",
                1,
                null)) {
      long[] issuedMillis = new long[ProvinceGenerator.MONTHS];
      for (int month = 0; month < ProvinceGenerator.MONTHS; month++) {
        issuedMillis[month] =
            ProvinceGenerator.FIRST_MONTH
                .plusMonths(month)
                .atDay(1)
                .atTime(2, 0)
                .atZone(ProvinceGenerator.ZONE)
                .toInstant()
                .toEpochMilli();
      }
      for (int month = 0; month < ProvinceGenerator.MONTHS; month++) {
        YearMonth ym = ProvinceGenerator.FIRST_MONTH.plusMonths(month);
        Instant issued = ym.atDay(1).atTime(2, 0).atZone(ProvinceGenerator.ZONE).toInstant();
        List<Object[]> paymentsThisMonth = new ArrayList<>();
        List<Object[]> itemsThisMonth = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
          ProvinceMembers.Member m = members.get(i);
          if (!billable(m)) {
            continue;
          }
          Plan plan = plans[i];
          int k = plan.billed().indexOf(month);
          ProvinceTree.OrgRow org = tree.org(m.org());
          byte[] orgId = UuidV7s.bytes(org.id());
          if (k >= 0) {
            long idMillis = issued.toEpochMilli() + i * BILL_RUN_MILLIS / members.size();
            Payment by = paidBy(plan, k);
            billWriter.add(
                billId(seed, i, month, idMillis),
                m.id(),
                ym.atDay(1),
                orgId,
                plan.category()[month],
                plan.amount()[month],
                by == null ? "UNPAID" : "PAID",
                "MONTHLY",
                plan.profile()[month],
                by == null ? null : by.id(),
                by == null ? null : utc(by.millis()),
                utc(issued.toEpochMilli()),
                by == null ? 0L : 1L);
            bills.add(1);
          }
          for (Payment p : plan.payments()) {
            if (p.month() != month) {
              continue;
            }
            List<String> covered = new ArrayList<>();
            long sum = 0;
            for (int b = p.from(); b <= p.to(); b++) {
              int wm = plan.billed().get(b);
              covered.add(ProvinceGenerator.FIRST_MONTH.plusMonths(wm).toString());
              sum += plan.amount()[wm];
              long billMillis = issuedMillis[wm] + i * BILL_RUN_MILLIS / members.size();
              itemsThisMonth.add(
                  new Object[] {
                    p.id(),
                    billId(seed, i, wm, billMillis),
                    ProvinceGenerator.FIRST_MONTH.plusMonths(wm).atDay(1),
                    plan.amount()[wm],
                    false,
                    p.millis()
                  });
            }
            paymentsThisMonth.add(
                new Object[] {
                  p.id(),
                  m.id(),
                  orgId,
                  org.path(),
                  "OFFLINE",
                  "PAID",
                  String.join(",", covered),
                  sum,
                  0L,
                  sum,
                  false,
                  receipt(p.id()),
                  "prov-worker-" + m.org(),
                  utc(p.millis()),
                  utc(p.millis()),
                  0L,
                  p.millis()
                });
          }
        }
        // a month's payments in the order they were made (ids are UUIDv7 of that moment)
        Comparator<Object[]> byTime = Comparator.comparingLong(r -> (Long) r[r.length - 1]);
        paymentsThisMonth.sort(byTime);
        itemsThisMonth.sort(byTime);
        for (Object[] r : paymentsThisMonth) {
          paymentWriter.add(java.util.Arrays.copyOf(r, r.length - 1));
        }
        for (Object[] r : itemsThisMonth) {
          itemWriter.add(java.util.Arrays.copyOf(r, r.length - 1));
        }
      }
    }
    bills.finish();

    Progress arrears = new Progress(loading.label("arrears"), billedMembers, "members");
    try (BatchWriter w =
        loading.writer(
            "dues_arrears",
            "member_id, org_id, org_path, months, since_month, outstanding_fen, updated_at",
            1,
            null)) {
      for (int i = 0; i < members.size(); i++) {
        ProvinceMembers.Member m = members.get(i);
        if (!billable(m)) {
          continue;
        }
        arrears.add(1);
        Plan plan = plans[i];
        ProvinceTree.OrgRow org = tree.org(m.org());
        if (plan.arrears() > 0) {
          int first = plan.billed().size() - plan.arrears();
          long outstanding = 0;
          for (int b = first; b < plan.billed().size(); b++) {
            outstanding += plan.amount()[plan.billed().get(b)];
          }
          // as the month-start refresh of 1 December left it (November has ended unpaid)
          w.add(
              m.id(),
              UuidV7s.bytes(org.id()),
              org.path(),
              plan.arrears(),
              ProvinceGenerator.FIRST_MONTH.plusMonths(plan.billed().get(first)).atDay(1),
              outstanding,
              ProvinceGenerator.asOfUtc());
        } else if (paidLateOnce(plan)) {
          Payment last = plan.payments().get(plan.payments().size() - 1);
          w.add(m.id(), UuidV7s.bytes(org.id()), org.path(), 0, null, 0L, utc(last.millis()));
        }
      }
    }
    arrears.finish();
  }

  /** dues-service's BILLABLE: active, admitted, with a profile or in a fixed category. */
  static boolean billable(ProvinceMembers.Member m) {
    return m.current() && m.duesCategory() != null;
  }

  private static boolean needsBase(String category) {
    return switch (category) {
      case "EMPLOYED", "ANNUAL_SALARY", "SELF_EMPLOYED", "RETIRED" -> true;
      default -> false;
    };
  }

  private static SplittableRandom random(long seed, int memberIndex) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + memberIndex * 0xBF58476D1CE4E5B9L);
  }

  /** The 2025 and 2026 assessments (the later one only for members admitted since). */
  private static List<Profile> profiles(ProvinceMembers.Member m, SplittableRandom r) {
    List<Profile> list = new ArrayList<>();
    String category = m.duesCategory();
    if (!needsBase(category)) {
      return list;
    }
    long base =
        switch (category) {
          case "RETIRED" -> 250_000 + r.nextInt(500_000);
          case "ANNUAL_SALARY" -> 800_000 + r.nextInt(2_000_000);
          case "SELF_EMPLOYED" -> 150_000 + r.nextInt(450_000);
          default -> 200_000 + r.nextInt(1_200_000);
        };
    String kind =
        switch (category) {
          case "RETIRED" -> "PENSION";
          case "ANNUAL_SALARY" -> "MONTH_SALARY_RECEIVED";
          case "SELF_EMPLOYED" -> "PREVIOUS_QUARTER_AVERAGE";
          default -> "MONTHLY_NET_WAGE";
        };
    for (int year : new int[] {2025, 2026}) {
      LocalDate effective = LocalDate.of(year, 1, 1);
      if (m.joinDate() != null && m.joinDate().isAfter(effective)) {
        if (m.joinDate().getYear() > year) {
          base = base * (100 + r.nextInt(7)) / 100;
          continue;
        }
        effective = m.joinDate().withDayOfMonth(1);
      }
      LocalDateTime created =
          utc(
              effective
                  .plusDays(2 + r.nextInt(10))
                  .atTime(9 + r.nextInt(8), r.nextInt(60))
                  .atZone(ProvinceGenerator.ZONE)
                  .toInstant()
                  .toEpochMilli());
      list.add(
          new Profile(
              UuidV7s.bytes(UuidV7s.at(created.toInstant(ZoneOffset.UTC).toEpochMilli(), r)),
              year,
              effective,
              category,
              kind,
              base,
              created));
      base = base * (100 + r.nextInt(7)) / 100; // next year's pay
    }
    return list;
  }

  private static Plan plan(ProvinceMembers.Member m, SplittableRandom r) {
    List<Profile> profiles = profiles(m, r);
    int months = ProvinceGenerator.MONTHS;
    long[] amount = new long[months];
    byte[][] profile = new byte[months][];
    String[] category = new String[months];
    List<Integer> billed = new ArrayList<>();
    for (int w = 0; w < months; w++) {
      YearMonth ym = ProvinceGenerator.FIRST_MONTH.plusMonths(w);
      if (m.joinDate() != null && !m.joinDate().isBefore(ym.plusMonths(1).atDay(1))) {
        continue; // not admitted yet (bills start with the month of joining)
      }
      Profile inForce = null;
      for (Profile p : profiles) {
        if (!p.effective().isAfter(ym.atDay(1))) {
          inForce = p;
        }
      }
      if (needsBase(m.duesCategory()) && inForce == null) {
        continue; // no assessment yet: the bill run skips the member
      }
      billed.add(w);
      amount[w] =
          inForce == null ? FIXED_FEN : BenchLoad.standard(inForce.category(), inForce.base());
      profile[w] = inForce == null ? null : inForce.id();
      category[w] = inForce == null ? m.duesCategory() : inForce.category();
    }
    int habit = r.nextInt(100);
    int group = habit < 15 ? 1 : habit < 70 ? 3 : 6;
    int arrears = 0;
    if (r.nextInt(100) < 5) {
      int roll = r.nextInt(100);
      arrears = roll < 35 ? 1 : roll < 55 ? 2 : roll < 70 ? 3 : roll < 82 ? 4 : roll < 92 ? 5 : 6;
    }
    arrears = Math.min(arrears, billed.size());
    int paid = billed.size() - arrears;
    List<Payment> payments = new ArrayList<>();
    for (int from = 0; from < paid; from += group) {
      int to = Math.min(paid, from + group) - 1;
      int month = billed.get(to);
      YearMonth ym = ProvinceGenerator.FIRST_MONTH.plusMonths(month);
      long millis =
          ym.atDay(3 + r.nextInt(23))
              .atTime(8 + r.nextInt(10), r.nextInt(60), r.nextInt(60))
              .atZone(ProvinceGenerator.ZONE)
              .toInstant()
              .toEpochMilli();
      payments.add(new Payment(UuidV7s.bytes(UuidV7s.at(millis, r)), from, to, millis, month));
    }
    return new Plan(profiles, billed, amount, profile, category, arrears, payments);
  }

  /** The payment that settled the k-th billed month, null while unpaid. */
  private static Payment paidBy(Plan plan, int k) {
    for (Payment p : plan.payments()) {
      if (k >= p.from() && k <= p.to()) {
        return p;
      }
    }
    return null;
  }

  /** A payment covering more than one month left an earlier month unpaid past its end. */
  private static boolean paidLateOnce(Plan plan) {
    for (Payment p : plan.payments()) {
      if (p.to() > p.from()) {
        return true;
      }
    }
    return false;
  }

  /** The bill's id: the run's moment plus random bits of its own seeded generator. */
  private static byte[] billId(long seed, int memberIndex, int month, long millis) {
    SplittableRandom r = new SplittableRandom(seed * 31 + memberIndex * 12L + month);
    return UuidV7s.bytes(UuidV7s.at(millis, r));
  }

  /** Unique per branch as uk_payment_receipt wants: the payment id's random tail. */
  private static String receipt(byte[] paymentId) {
    return "SJ" + java.util.HexFormat.of().formatHex(paymentId, 8, 16).toUpperCase();
  }

  private static LocalDateTime utc(long millis) {
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
  }
}
