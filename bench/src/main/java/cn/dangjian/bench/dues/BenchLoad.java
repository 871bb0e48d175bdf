package cn.dangjian.bench.dues;

import cn.dangjian.bench.UuidV7s;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The province as dues-service's projection would hold it: one root committee, 100 counties of 500
 * branches (50,000 branches) with 20 members each; 60 % employees, 8 % retirees and 2 %
 * annual-salary staff with an assessed base, 30 % in fixed-amount categories (students, farmers,
 * unemployed, 低保) billed without a profile; 3 % probationary (admitted this year), 1 % suspended
 * and 1 % final states (not billed). Kept between runs (table bench_meta).
 */
public final class BenchLoad {

  private final Connection c;
  private final int members;

  BenchLoad(Connection c, int members) {
    this.c = c;
    this.members = members;
  }

  UUID loadIfNeeded() throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS bench_meta (k VARCHAR(50) PRIMARY KEY, v VARCHAR(200))");
      try (ResultSet rs = s.executeQuery("SELECT v FROM bench_meta WHERE k = 'dues-load'")) {
        if (rs.next() && rs.getString(1).startsWith(members + "/")) {
          System.out.println("   load in place: " + rs.getString(1));
          return UUID.fromString(rs.getString(1).substring(rs.getString(1).indexOf('/') + 1));
        }
      }
      s.execute("DELETE FROM bench_meta WHERE k = 'dues-load'");
      for (String table : new String[] {"proj_org", "proj_member", "dues_profile"}) {
        s.execute("TRUNCATE TABLE " + table);
      }
    }
    long began = System.nanoTime();
    c.setAutoCommit(false);
    SplittableRandom random = new SplittableRandom(42);
    long base = System.currentTimeMillis() - 5L * 365 * 24 * 3600 * 1000;
    LocalDateTime now = DuesBench.utcNow();
    UUID root = DuesBench.v7(base, random);
    String rootPath = "/" + root + "/";
    int counties = 100;
    int branchesPerCounty = Math.max(1, members / DuesBench.BRANCH_SIZE / counties);
    LocalDate today = LocalDate.now(DuesBench.CALENDAR);
    try (PreparedStatement org =
            c.prepareStatement(
                "INSERT INTO proj_org (org_id, parent_id, name, org_type, path, depth, dissolved,"
                    + " created_on, updated_at) VALUES (?,?,?,?,?,?,FALSE,?,?)");
        PreparedStatement member =
            c.prepareStatement(
                "INSERT INTO proj_member (member_id, org_id, org_path, stage, status,"
                    + " dues_category, join_date, full_member_date, flags, status_since,"
                    + " org_since, updated_at) VALUES (?,?,?,?,?,?,?,?,'',?,?,?)");
        PreparedStatement profile =
            c.prepareStatement(
                "INSERT INTO dues_profile (id, member_id, dues_year, effective_month, category,"
                    + " base_kind, base_fen, rate_percent, standard_fen, hardship, created_by,"
                    + " created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,'NONE','bench',?,?,0)")) {
      addOrg(org, root, null, "省委", "PARTY_COMMITTEE", rootPath, 1, today, now);
      int made = 0;
      int batch = 0;
      for (int county = 0; county < counties && made < members; county++) {
        UUID countyId = DuesBench.v7(base + county, random);
        String countyPath = rootPath + countyId + "/";
        addOrg(org, countyId, root, "县委" + county, "PARTY_COMMITTEE", countyPath, 2, today, now);
        for (int b = 0; b < branchesPerCounty && made < members; b++) {
          UUID branch = DuesBench.v7(base + county * 1000L + b, random);
          String branchPath = countyPath + branch + "/";
          addOrg(org, branch, countyId, "党支部" + b, "BRANCH", branchPath, 3, today, now);
          for (int m = 0; m < DuesBench.BRANCH_SIZE && made < members; m++, made++) {
            // member ids spread over five years of registrations, branches random
            UUID id = DuesBench.v7(base + random.nextLong(5L * 365 * 24 * 3600 * 1000), random);
            int roll = random.nextInt(1000);
            String category;
            long baseFen = 0;
            if (roll < 600) {
              category = "EMPLOYED";
              baseFen = 200_000 + random.nextInt(1_200_000);
            } else if (roll < 680) {
              category = "RETIRED";
              baseFen = 250_000 + random.nextInt(500_000);
            } else if (roll < 700) {
              category = "ANNUAL_SALARY";
              baseFen = 800_000 + random.nextInt(2_000_000);
            } else if (roll < 780) {
              category = "FARMER";
            } else if (roll < 900) {
              category = "STUDENT";
            } else if (roll < 950) {
              category = "UNEMPLOYED";
            } else {
              category = "LOW_INCOME";
            }
            int stageRoll = random.nextInt(100);
            String stage = stageRoll < 3 ? "PROBATIONARY" : "FULL";
            int statusRoll = random.nextInt(100);
            String status = statusRoll == 0 ? "SUSPENDED" : statusRoll == 1 ? "DECEASED" : "ACTIVE";
            LocalDate join =
                stage.equals("PROBATIONARY")
                    ? today.withDayOfMonth(1).minusMonths(random.nextInt(10))
                    : LocalDate.of(1990 + random.nextInt(30), 1 + random.nextInt(12), 1);
            member.setBytes(1, UuidV7s.bytes(id));
            member.setBytes(2, UuidV7s.bytes(branch));
            member.setString(3, branchPath);
            member.setString(4, stage);
            member.setString(5, status);
            member.setString(6, category);
            member.setObject(7, join);
            member.setObject(8, stage.equals("FULL") ? join.plusYears(1) : null);
            member.setObject(9, join);
            member.setObject(10, join);
            member.setObject(11, now);
            member.addBatch();
            if (baseFen > 0) {
              long standard = standard(category, baseFen);
              profile.setBytes(1, UuidV7s.bytes(DuesBench.v7(System.currentTimeMillis(), random)));
              profile.setBytes(2, UuidV7s.bytes(id));
              profile.setInt(3, DuesBench.firstOfYear().getYear());
              profile.setObject(4, DuesBench.firstOfYear());
              profile.setString(5, category);
              profile.setString(
                  6,
                  switch (category) {
                    case "RETIRED" -> "PENSION";
                    case "ANNUAL_SALARY" -> "MONTH_SALARY_RECEIVED";
                    default -> "MONTHLY_NET_WAGE";
                  });
              profile.setLong(7, baseFen);
              profile.setBigDecimal(8, java.math.BigDecimal.valueOf(rate(category, baseFen)));
              profile.setLong(9, standard);
              profile.setObject(10, now);
              profile.setObject(11, now);
              profile.addBatch();
            }
            if (++batch == 1000) {
              member.executeBatch();
              profile.executeBatch();
              org.executeBatch();
              c.commit();
              batch = 0;
            }
          }
        }
        System.out.printf("   loaded county %d/%d (%d members)%n", county + 1, counties, made);
      }
      member.executeBatch();
      profile.executeBatch();
      org.executeBatch();
      c.commit();
    }
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute("ANALYZE TABLE proj_org, proj_member, dues_profile");
      s.execute(
          "INSERT INTO bench_meta (k, v) VALUES ('dues-load', '" + members + "/" + root + "')");
    }
    System.out.printf("   loaded in %.1f s%n", (System.nanoTime() - began) / 1e9);
    return root;
  }

  private static void addOrg(
      PreparedStatement org,
      UUID id,
      UUID parent,
      String name,
      String type,
      String path,
      int depth,
      LocalDate createdOn,
      LocalDateTime now)
      throws Exception {
    org.setBytes(1, UuidV7s.bytes(id));
    org.setBytes(2, parent == null ? null : UuidV7s.bytes(parent));
    org.setString(3, name);
    org.setString(4, type);
    org.setString(5, path);
    org.setInt(6, depth);
    org.setObject(7, createdOn);
    org.setObject(8, now);
    org.addBatch();
  }

  /** The national table (DuesRules is the source of truth; this only seeds profiles). */
  public static double rate(String category, long baseFen) {
    if (category.equals("RETIRED")) {
      return baseFen <= 500_000 ? 0.5 : 1;
    }
    return baseFen <= 300_000 ? 0.5 : baseFen <= 500_000 ? 1 : baseFen <= 1_000_000 ? 1.5 : 2;
  }

  public static long standard(String category, long baseFen) {
    return java.math.BigDecimal.valueOf(baseFen)
        .multiply(java.math.BigDecimal.valueOf(rate(category, baseFen)))
        .divide(java.math.BigDecimal.valueOf(100), 0, java.math.RoundingMode.HALF_UP)
        .longValueExact();
  }
}
