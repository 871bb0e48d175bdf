package cn.dangjian.platform.web;

import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.problem.ProblemType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Sort;

/**
 * The one way a list is sorted: {@code ?sort=-raisedAt,name} — fields the endpoint names, a leading
 * {@code -} for descending. An unknown field is a 400 naming the fields allowed. {@code id} is
 * always added last, so pages do not overlap or skip rows when values tie.
 */
public final class Sorting {

  /** The description every list's {@code sort} parameter carries in the API documents. */
  public static final String DESCRIPTION = "排序字段，逗号分隔，字段前加 - 表示降序 (sort fields, - for descending)";

  private Sorting() {}

  /** The requested sort, or {@code defaultSort} when none was asked for. */
  public static Sort parse(List<String> requested, Sort defaultSort, Set<String> allowed) {
    if (requested == null || requested.stream().allMatch(String::isBlank)) {
      return withTieBreak(defaultSort);
    }
    List<Sort.Order> orders = new ArrayList<>();
    for (String raw : requested) {
      String field = raw.strip();
      if (field.isEmpty()) {
        continue;
      }
      boolean descending = field.startsWith("-");
      String name = descending ? field.substring(1) : field;
      if (!allowed.contains(name)) {
        throw new ProblemException(
            ProblemType.BAD_REQUEST,
            "problem.detail.sort",
            new Object[] {name, String.join(", ", allowed.stream().sorted().toList())},
            Map.of("rule", "invalid-sort"));
      }
      orders.add(descending ? Sort.Order.desc(name) : Sort.Order.asc(name));
    }
    return withTieBreak(Sort.by(orders));
  }

  private static Sort withTieBreak(Sort sort) {
    return sort.getOrderFor("id") == null ? sort.and(Sort.by("id")) : sort;
  }
}
