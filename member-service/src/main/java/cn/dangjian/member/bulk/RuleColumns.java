package cn.dangjian.member.bulk;

import cn.dangjian.member.person.MemberRequests.RegisterMember;
import cn.dangjian.platform.problem.ProblemException;
import java.time.LocalDate;

/**
 * Points a rule the services enforce (they name the rule, not the field) at the column the user has
 * to change. Rules added later without an entry here are reported for the whole row.
 */
public final class RuleColumns {

  private RuleColumns() {}

  /**
   * The rule a service failure stands for: its {@code rule} property when it has one, otherwise
   * derived from its message key ({@code member.duplicate-id-number} → {@code duplicate-id-number},
   * {@code org.not-found} → {@code org-not-found}).
   */
  public static String ruleOf(ProblemException problem) {
    Object rule = problem.properties().get("rule");
    if (rule != null) {
      return rule.toString();
    }
    String key = problem.detailKey();
    int dot = key.lastIndexOf('.');
    String last = dot < 0 ? key : key.substring(dot + 1);
    if ("not-found".equals(last) && dot > 0) {
      String area = key.substring(0, key.indexOf('.'));
      return area + "-" + last;
    }
    return last;
  }

  public static MemberColumn forMember(String rule, RegisterMember request, LocalDate today) {
    return switch (rule) {
      case "org-not-found", "org-cannot-hold-members" -> MemberColumn.ORG_ID;
      case "birth-date-mismatch", "member-must-be-adult" -> MemberColumn.BIRTH_DATE;
      case "duplicate-id-number" -> MemberColumn.ID_NUMBER;
      case "join-date-required", "join-date-only-for-admitted" -> MemberColumn.JOIN_DATE;
      case "full-member-date-required",
          "full-member-date-only-for-full",
          "probation-one-to-two-years" ->
          MemberColumn.FULL_MEMBER_DATE;
      case "date-in-future" -> futureDateColumn(request, today);
      default -> null;
    };
  }

  public static OrgColumn forOrg(String rule, OrgRow row) {
    return switch (rule) {
      case "root-must-be-party-committee", "child-type-not-allowed" -> OrgColumn.TYPE;
      case "org-not-found", "root-needs-platform-admin", "parent-dissolved", "tree-too-deep" ->
          row.parentKey() != null ? OrgColumn.PARENT_KEY : OrgColumn.PARENT_ID;
      default -> null;
    };
  }

  private static MemberColumn futureDateColumn(RegisterMember request, LocalDate today) {
    if (request.birthDate() != null && request.birthDate().isAfter(today)) {
      return MemberColumn.BIRTH_DATE;
    }
    if (request.joinDate() != null && request.joinDate().isAfter(today)) {
      return MemberColumn.JOIN_DATE;
    }
    if (request.fullMemberDate() != null && request.fullMemberDate().isAfter(today)) {
      return MemberColumn.FULL_MEMBER_DATE;
    }
    return null;
  }
}
