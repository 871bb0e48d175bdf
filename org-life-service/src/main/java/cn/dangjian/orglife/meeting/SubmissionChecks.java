package cn.dangjian.orglife.meeting;

import cn.dangjian.orglife.formalism.FormalismChecker;
import cn.dangjian.platform.problem.ProblemException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What happens when a record goes to the superior org (first submission or a correction): it must
 * have been recorded, and the anti-formalism checks run on it (they flag, never block).
 */
@Component
class SubmissionChecks {

  private final FormalismChecker formalism;

  SubmissionChecks(FormalismChecker formalism) {
    this.formalism = formalism;
  }

  void run(Meeting m, List<AttendanceRow> rows) {
    if (m.getMinutes() == null || m.getFirstRecordedAt() == null) {
      throw ProblemException.businessRule(
          "submit-needs-a-record", "meeting.rule.submit-needs-record");
    }
    Set<UUID> present =
        rows.stream()
            .filter(a -> a.expected() && Boolean.TRUE.equals(a.present()))
            .map(AttendanceRow::memberId)
            .collect(Collectors.toSet());
    formalism.check(
        new FormalismChecker.Submitted(
            m.getId(),
            m.getOrgId(),
            m.getOrgPath(),
            m.getParentPath(),
            m.getType().name(),
            m.getStartsAt(),
            m.getEndsAt(),
            m.getHeldOn(),
            m.getRecordVersion(),
            m.getExpectedCount(),
            present,
            m.getMinutes(),
            m.getMinhash(),
            m.getFirstRecordedAt()));
  }
}
