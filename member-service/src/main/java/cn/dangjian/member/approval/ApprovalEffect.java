package cn.dangjian.member.approval;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an approved request changes, implemented by the feature that owns the change (development
 * steps, status, sanctions, committee terms…). {@link #apply} runs in the transaction of the last
 * stage's decision: if it throws (the rule no longer holds), the decision is refused and nothing
 * changes.
 */
public interface ApprovalEffect {

  /** The kinds this effect applies (one feature may own several steps of a procedure). */
  Set<ApprovalKind> kinds();

  void apply(ApprovedRequest approved);

  /**
   * What {@code member.approval-changed} carries as {@code terms} for a kind whose effect another
   * service applies on the event (e.g. dues-service for 困难党员减免党费); null (the default) for
   * everything member-service applies itself. Keep it to what the consumer needs: no personal data.
   *
   * @param payload the request's payload as stored (JSON)
   */
  default @Nullable Map<String, Object> publishedTerms(String payload) {
    return null;
  }
}
