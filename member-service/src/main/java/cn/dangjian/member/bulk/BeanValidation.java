package cn.dangjian.member.bulk;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs the API's own Bean Validation constraints on a request built from a row, naming the column
 * and a stable rule for each violation. Fields whose cell could not even be converted are skipped:
 * that cell already has a better error than "required".
 */
final class BeanValidation {

  private BeanValidation() {}

  static <T, C extends BulkColumn> List<Issue> check(
      Validator validator, T request, Map<String, C> columnsByField, Set<C> alreadyFailed) {
    List<Issue> issues = new ArrayList<>();
    List<ConstraintViolation<T>> violations = new ArrayList<>(validator.validate(request));
    violations.sort(Comparator.comparing(v -> v.getPropertyPath().toString()));
    for (ConstraintViolation<T> violation : violations) {
      String field = violation.getPropertyPath().toString();
      C column = columnsByField.get(field);
      if (column != null && alreadyFailed.contains(column)) {
        continue;
      }
      issues.add(Issue.localized(column, ruleOf(violation), violation.getMessage()));
    }
    return issues;
  }

  /** A stable rule name for a constraint: required, too-long, invalid-format, … */
  static String ruleOf(ConstraintViolation<?> violation) {
    String constraint =
        violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    return switch (constraint) {
      case "NotNull", "NotBlank", "NotEmpty" -> "required";
      case "Size" -> "too-long";
      case "Pattern" -> "invalid-format";
      case "Past", "PastOrPresent" -> "date-in-future";
      case "ValidIdNumber" -> "invalid-id-number";
      default -> constraint.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    };
  }
}
