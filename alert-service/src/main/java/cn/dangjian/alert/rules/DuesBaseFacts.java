package cn.dangjian.alert.rules;

import java.util.List;
import java.util.UUID;

/**
 * A branch's members who pay by a declared base (salary, annual salary, business income, pension)
 * and how many of them have no dues assessment for the year.
 *
 * @param examples a few of the unassessed members' ids
 */
public record DuesBaseFacts(int payingByBase, int unassessed, List<UUID> examples) {

  /** DF Arts 1–5: the categories whose amount depends on a declared base (not flat-rate ones). */
  public static final List<String> BASE_CATEGORIES =
      List.of("EMPLOYED", "ANNUAL_SALARY", "SELF_EMPLOYED", "RETIRED");

  public static final DuesBaseFacts NONE = new DuesBaseFacts(0, 0, List.of());

  public DuesBaseFacts {
    examples = List.copyOf(examples);
  }
}
