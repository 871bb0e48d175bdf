package cn.dangjian.member.bulk;

import cn.dangjian.events.member.Affiliation;
import cn.dangjian.events.member.UnitType;
import cn.dangjian.member.bulk.RawTable.RawRow;
import cn.dangjian.member.org.OrgRequests.CreateOrg;
import cn.dangjian.member.org.OrgType;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns organisation rows into {@link OrgRow}s (checked with {@link CreateOrg}'s constraints, the
 * API's own) and enforces the file-level rules of a subtree import: temporary keys are unique, a
 * parent key names an earlier row, and a row names its parent only once.
 */
public final class OrgRows {

  /** Longest temporary key: room for a UUID (an export uses org ids as keys) and then some. */
  public static final int MAX_KEY_LENGTH = 64;

  private static final Map<String, OrgColumn> BY_FIELD =
      Map.of("parentId", OrgColumn.PARENT_ID, "name", OrgColumn.NAME, "type", OrgColumn.TYPE);

  private OrgRows() {}

  public static RowState<OrgRow> map(
      RawRow row, ResolvedHeader<OrgColumn> header, Validator validator) {
    Map<BulkColumn, String> cells = new LinkedHashMap<>();
    for (OrgColumn column : OrgColumn.values()) {
      String value = header.value(row, column);
      if (value != null) {
        cells.put(column, value);
      }
    }
    List<Issue> issues = new ArrayList<>();
    Set<OrgColumn> failed = EnumSet.noneOf(OrgColumn.class);
    CellConverter<OrgColumn> convert = new CellConverter<>(cells, issues, failed);
    String key = convert.apply(OrgColumn.KEY, OrgRows::key);
    String parentKey = convert.apply(OrgColumn.PARENT_KEY, OrgRows::key);
    UUID parentId = convert.apply(OrgColumn.PARENT_ID, BulkValues::uuid);
    OrgType type = convert.apply(OrgColumn.TYPE, BulkValues::orgType);
    UnitType unitType = convert.apply(OrgColumn.UNIT_TYPE, BulkValues::unitType);
    Affiliation affiliation = convert.apply(OrgColumn.AFFILIATION, BulkValues::affiliation);
    String name = cells.get(OrgColumn.NAME);
    if (parentKey != null && parentId != null) {
      issues.add(
          Issue.of(OrgColumn.PARENT_KEY, "parent-given-twice", "bulk.row.parent-given-twice"));
    }
    issues.addAll(
        BeanValidation.check(
            validator,
            new CreateOrg(parentId, name, type, unitType, affiliation),
            BY_FIELD,
            failed));
    OrgRow request = new OrgRow(key, parentKey, parentId, name, type, unitType, affiliation);
    return new RowState<>(row.number(), cells, issues.isEmpty() ? request : null, issues);
  }

  /**
   * Temporary keys must be unique (every copy is refused) and a parent key must name a row above
   * (so parents are created before their children, as an export writes them).
   */
  public static void checkKeys(List<RowState<OrgRow>> rows) {
    Map<String, List<RowState<OrgRow>>> byKey = new LinkedHashMap<>();
    for (RowState<OrgRow> row : rows) {
      String key = BulkValues.text(row.cell(OrgColumn.KEY));
      if (key != null) {
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
      }
    }
    for (List<RowState<OrgRow>> copies : byKey.values()) {
      if (copies.size() > 1) {
        for (RowState<OrgRow> row : copies) {
          int other = copies.get(copies.get(0) == row ? 1 : 0).number();
          row.fail(
              Issue.of(
                  OrgColumn.KEY, "duplicate-key", "bulk.row.duplicate-key", String.valueOf(other)));
        }
      }
    }
    Map<String, Integer> firstRowOfKey = new HashMap<>();
    byKey.forEach((key, copies) -> firstRowOfKey.put(key, copies.get(0).number()));
    for (RowState<OrgRow> row : rows) {
      String parentKey = BulkValues.text(row.cell(OrgColumn.PARENT_KEY));
      if (parentKey == null) {
        continue;
      }
      Integer parentRow = firstRowOfKey.get(parentKey);
      if (parentRow == null) {
        row.fail(
            Issue.of(
                OrgColumn.PARENT_KEY,
                "unknown-parent-key",
                "bulk.row.unknown-parent-key",
                parentKey));
      } else if (parentRow >= row.number()) {
        row.fail(
            Issue.of(
                OrgColumn.PARENT_KEY,
                "parent-key-below",
                "bulk.row.parent-key-below",
                parentKey,
                String.valueOf(parentRow)));
      }
    }
  }

  private static String key(String raw) {
    String text = BulkValues.text(raw);
    if (text != null && text.length() > MAX_KEY_LENGTH) {
      throw new ValueException("too-long", "bulk.value.too-long", MAX_KEY_LENGTH);
    }
    return text;
  }
}
