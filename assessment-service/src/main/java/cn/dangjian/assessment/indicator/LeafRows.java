package cn.dangjian.assessment.indicator;

import static cn.dangjian.platform.persistence.Uuids.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A {@link Leaf} read from a query over {@code indicator i}: the cycle's stores join the same
 * columns to their scores, so the leaf is read in one place.
 */
public final class LeafRows {

  /** Select these first; {@link #read} reads them by position 1–8. */
  public static final String COLUMNS =
      "i.id, i.code, i.name, i.kind, i.weight, i.method, i.scorer, i.source";

  private LeafRows() {}

  public static Leaf read(ResultSet rs) throws SQLException {
    return new Leaf(
        uuid(rs.getBytes(1)),
        rs.getString(2),
        rs.getString(3),
        IndicatorKind.valueOf(rs.getString(4)),
        rs.getBigDecimal(5),
        ScoringMethod.valueOf(rs.getString(6)),
        rs.getString(7) == null ? null : ScorerKind.valueOf(rs.getString(7)),
        rs.getString(8) == null ? null : AutoSource.valueOf(rs.getString(8)));
  }
}
