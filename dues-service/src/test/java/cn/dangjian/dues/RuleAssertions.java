package cn.dangjian.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dangjian.platform.problem.ProblemException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that a call is refused for a named business rule. */
public final class RuleAssertions {

  private RuleAssertions() {}

  public static void assertRule(ThrowingCallable call, String rule) {
    assertThatThrownBy(call)
        .isInstanceOf(ProblemException.class)
        .satisfies(
            e -> assertThat(((ProblemException) e).properties()).containsEntry("rule", rule));
  }
}
