package cn.dangjian.member.statistics;

import static cn.dangjian.platform.persistence.Uuids.uuid;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The records behind a figure: the same categories as {@link StatRules} written as SQL over the
 * periods and flows, so a count and its list always agree (a test checks every dimension).
 */
@Component
class DrillDownQueries {

  /** One record behind a figure: a member or an org, and the org it was counted in. */
  record Row(UUID id, UUID orgId, String orgPath) {}

  record Result(List<Row> rows) {}

  private static final String PARTY_MEMBER =
      "stage IN ('PROBATIONARY','FULL') AND status = 'ACTIVE'";

  private final JdbcTemplate jdbc;

  DrillDownQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Result stock(Dimension dim, String value, String pathPrefix, YearMonth asOf, int page, int size) {
    LocalDate end = asOf.atEndOfMonth();
    List<Object> args = new ArrayList<>();
    boolean orgs = dim.kind() == Dimension.Kind.ORG_STOCK;
    String table = orgs ? "stat_org_period" : "stat_member_period";
    String pathColumn = orgs ? "path" : "org_path";
    StringBuilder where =
        new StringBuilder(
            pathColumn + " LIKE ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)");
    args.add(ReadModelStore.like(pathPrefix));
    args.add(Date.valueOf(end));
    args.add(Date.valueOf(end));
    where
        .append(" AND ")
        .append(
            orgs ? orgPredicate(dim, value, asOf, args) : memberPredicate(dim, value, asOf, args));
    String idColumn = orgs ? "org_id" : "member_id";
    String orgColumn = orgs ? "org_id" : "org_id";
    return page(table, idColumn, orgColumn, pathColumn, where.toString(), args, page, size);
  }

  Result flow(
      Dimension dim,
      String value,
      String pathPrefix,
      YearMonth from,
      YearMonth to,
      int page,
      int size) {
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder("kind = ? AND happened_on BETWEEN ? AND ?");
    args.add(dim.stored());
    args.add(Date.valueOf(from.atDay(1)));
    args.add(Date.valueOf(to.atEndOfMonth()));
    String like = ReadModelStore.like(pathPrefix);
    switch (dim) {
      case DEVELOPED -> {
        where.append(" AND to_path LIKE ?");
        args.add(like);
        switch (value) {
          case "FEMALE" -> where.append(" AND female");
          case "UNDER_35" -> where.append(" AND under35");
          case "FRONT_LINE" -> where.append(" AND front_line");
          default -> {
            // ALL
          }
        }
      }
      case CONVERTED -> {
        where.append(" AND to_path LIKE ?");
        args.add(like);
      }
      case LEFT -> {
        where.append(" AND from_path LIKE ? AND val = ?");
        args.add(like);
        args.add(value);
      }
      case TRANSFERRED_OUT -> {
        where.append(" AND from_path LIKE ? AND (to_path IS NULL OR to_path NOT LIKE ?)");
        args.add(like);
        args.add(like);
      }
      case TRANSFERRED_IN -> {
        where.append(" AND to_path LIKE ? AND (from_path IS NULL OR from_path NOT LIKE ?)");
        args.add(like);
        args.add(like);
      }
      default -> throw new IllegalArgumentException("not a flow: " + dim);
    }
    String pathExpr = "COALESCE(to_path, from_path)";
    return page("stat_flow", "member_id", null, pathExpr, where.toString(), args, page, size);
  }

  private Result page(
      String table,
      String idColumn,
      String orgColumn,
      String pathExpr,
      String where,
      List<Object> args,
      int page,
      int size) {
    // no COUNT(*): the total is the figure itself (a range read of stat_cell, not a scan of the
    // periods: 4.5 s for a county on a small buffer pool); the tests check the two agree
    List<Object> pageArgs = new ArrayList<>(args);
    pageArgs.add(size);
    pageArgs.add((long) page * size);
    List<Row> rows =
        jdbc.query(
            "SELECT "
                + idColumn
                + ", "
                + pathExpr
                + " FROM "
                + table
                + " WHERE "
                + where
                + " ORDER BY "
                + idColumn
                + (table.equals("stat_flow") ? ", id" : "")
                + " LIMIT ? OFFSET ?",
            (rs, i) -> {
              String path = rs.getString(2);
              List<UUID> orgs = StatRules.ancestors(path);
              return new Row(uuid(rs.getBytes(1)), orgs.get(orgs.size() - 1), path);
            },
            pageArgs.toArray());
    return new Result(rows);
  }

  /** The member categories of {@link StatRules#memberCells} as SQL. */
  static String memberPredicate(Dimension dim, String value, YearMonth asOf, List<Object> args) {
    switch (dim) {
      case MEMBERS:
        return PARTY_MEMBER;
      case GENDER, EDUCATION, OCCUPATION, STAGE:
        args.add(value);
        return PARTY_MEMBER + " AND " + column(dim) + " = ?";
      case ETHNICITY:
        return PARTY_MEMBER
            + switch (value) {
              case "HAN" -> " AND TRIM(ethnicity) IN ('汉族','汉')";
              case "MINORITY" -> " AND TRIM(ethnicity) <> '' AND TRIM(ethnicity) NOT IN ('汉族','汉')";
              default -> " AND (ethnicity IS NULL OR TRIM(ethnicity) = '')";
            };
      case AGE_BAND:
        return PARTY_MEMBER
            + monthBand(
                "birth_month", value, asOf, StatRules.AGE_BAND_UPPER, StatRules.AGE_BANDS, args);
      case STANDING_BAND:
        if ("PROBATIONARY".equals(value)) {
          return PARTY_MEMBER + " AND stage = 'PROBATIONARY'";
        }
        return PARTY_MEMBER
            + " AND stage = 'FULL'"
            + monthBand(
                "full_since",
                value,
                asOf,
                StatRules.STANDING_BAND_UPPER,
                StatRules.STANDING_BANDS,
                args);
      case FLAG:
        return PARTY_MEMBER + ("MOBILE".equals(value) ? " AND mobile" : " AND lost_contact");
      case PIPELINE:
        args.add(value);
        return "status = 'ACTIVE' AND stage = ?";
      case SUSPENDED:
        return "stage IN ('PROBATIONARY','FULL') AND status = 'SUSPENDED'";
      default:
        throw new IllegalArgumentException("not a member stock: " + dim);
    }
  }

  /** The org categories of {@link StatRules#orgCells} as SQL. */
  static String orgPredicate(Dimension dim, String value, YearMonth asOf, List<Object> args) {
    String live = "NOT dissolved";
    switch (dim) {
      case ORG_TYPE, UNIT_TYPE, AFFILIATION:
        args.add(value);
        return live + " AND " + column(dim) + " = ?";
      case BRANCH_COMMITTEE:
        return live
            + " AND org_type IN ('BRANCH','JOINT_BRANCH','TEMPORARY_BRANCH') AND "
            + ("WITH".equals(value) ? "has_committee" : "NOT has_committee");
      case ELECTION_DUE:
        args.add(asOf.toString());
        return live + " AND has_committee AND term_due IS NOT NULL AND term_due <= ?";
      default:
        throw new IllegalArgumentException("not an org stock: " + dim);
    }
  }

  /**
   * Whole years at the end of month M from month b are floor((M − b in months) / 12), so a band of
   * years [lo, hi] is b in [M − (12·hi + 11) months, M − 12·lo months].
   */
  private static String monthBand(
      String column,
      String value,
      YearMonth asOf,
      int[] upper,
      List<String> bands,
      List<Object> args) {
    if (StatRules.UNSPECIFIED.equals(value)) {
      return " AND " + column + " IS NULL";
    }
    int i = bands.indexOf(value);
    int lo = i == 0 ? 0 : upper[i - 1] + 1;
    StringBuilder sql = new StringBuilder(" AND " + column + " <= ?");
    args.add(asOf.minusMonths(12L * lo).toString());
    if (i < upper.length) {
      sql.append(" AND ").append(column).append(" >= ?");
      args.add(asOf.minusMonths(12L * upper[i] + 11).toString());
    }
    return sql.toString();
  }

  private static String column(Dimension dim) {
    return switch (dim) {
      case GENDER -> "gender";
      case EDUCATION -> "education";
      case OCCUPATION -> "occupation";
      case STAGE -> "stage";
      case ORG_TYPE -> "org_type";
      case UNIT_TYPE -> "unit_type";
      case AFFILIATION -> "affiliation";
      default -> throw new IllegalArgumentException(dim.name());
    };
  }
}
