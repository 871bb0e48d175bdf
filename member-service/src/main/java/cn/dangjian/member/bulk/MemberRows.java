package cn.dangjian.member.bulk;

import cn.dangjian.events.member.EducationLevel;
import cn.dangjian.events.member.Occupation;
import cn.dangjian.member.bulk.RawTable.RawRow;
import cn.dangjian.member.person.DuesCategory;
import cn.dangjian.member.person.Gender;
import cn.dangjian.member.person.MemberRequests.RegisterMember;
import cn.dangjian.member.person.MemberStage;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns roster rows into {@link RegisterMember} requests, the same record the REST API takes, with
 * the API's Bean Validation; and enforces the file-level rule that one person appears only once.
 */
public final class MemberRows {

  private static final Map<String, MemberColumn> BY_FIELD = new HashMap<>();

  static {
    for (MemberColumn column : MemberColumn.values()) {
      BY_FIELD.put(column.field(), column);
    }
  }

  private MemberRows() {}

  public static RowState<RegisterMember> map(
      RawRow row, ResolvedHeader<MemberColumn> header, Validator validator) {
    Map<BulkColumn, String> cells = new LinkedHashMap<>();
    for (MemberColumn column : MemberColumn.values()) {
      String value = header.value(row, column);
      if (value != null) {
        cells.put(column, value);
      }
    }
    List<Issue> issues = new ArrayList<>();
    Set<MemberColumn> failed = EnumSet.noneOf(MemberColumn.class);
    CellConverter<MemberColumn> convert = new CellConverter<>(cells, issues, failed);
    UUID orgId = convert.apply(MemberColumn.ORG_ID, BulkValues::uuid);
    Gender gender = convert.apply(MemberColumn.GENDER, BulkValues::gender);
    LocalDate birthDate = convert.apply(MemberColumn.BIRTH_DATE, BulkValues::date);
    MemberStage stage = convert.apply(MemberColumn.STAGE, BulkValues::stage);
    DuesCategory dues = convert.apply(MemberColumn.DUES_CATEGORY, BulkValues::duesCategory);
    LocalDate joinDate = convert.apply(MemberColumn.JOIN_DATE, BulkValues::date);
    LocalDate fullMemberDate = convert.apply(MemberColumn.FULL_MEMBER_DATE, BulkValues::date);
    Occupation occupation = convert.apply(MemberColumn.OCCUPATION, BulkValues::occupation);
    EducationLevel level = convert.apply(MemberColumn.EDUCATION_LEVEL, BulkValues::educationLevel);
    RegisterMember request =
        new RegisterMember(
            orgId,
            cells.get(MemberColumn.NAME),
            gender,
            cells.get(MemberColumn.ETHNICITY),
            birthDate,
            BulkValues.idNumber(cells.get(MemberColumn.ID_NUMBER)),
            BulkValues.phone(cells.get(MemberColumn.PHONE)),
            cells.get(MemberColumn.EDUCATION),
            cells.get(MemberColumn.WORKPLACE),
            stage,
            dues,
            joinDate,
            fullMemberDate,
            occupation,
            level,
            BulkValues.text(cells.get(MemberColumn.POST)));
    issues.addAll(BeanValidation.check(validator, request, BY_FIELD, failed));
    return new RowState<>(row.number(), cells, issues.isEmpty() ? request : null, issues);
  }

  /**
   * The same ID number twice in one file: every copy is refused (which one is right is for the user
   * to decide), each naming the other rows.
   */
  public static void rejectDuplicateIdNumbers(List<RowState<RegisterMember>> rows) {
    Map<String, List<RowState<RegisterMember>>> byId = new LinkedHashMap<>();
    for (RowState<RegisterMember> row : rows) {
      String id = BulkValues.idNumber(row.cell(MemberColumn.ID_NUMBER));
      if (id != null) {
        byId.computeIfAbsent(id, k -> new ArrayList<>()).add(row);
      }
    }
    for (List<RowState<RegisterMember>> copies : byId.values()) {
      if (copies.size() < 2) {
        continue;
      }
      for (RowState<RegisterMember> row : copies) {
        String others =
            String.join(
                "、",
                copies.stream()
                    .filter(other -> other != row)
                    .map(other -> String.valueOf(other.number()))
                    .toList());
        row.fail(
            Issue.of(
                MemberColumn.ID_NUMBER,
                "duplicate-in-file",
                "bulk.row.duplicate-id-number",
                others));
      }
    }
  }
}
