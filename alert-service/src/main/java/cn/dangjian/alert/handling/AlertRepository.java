package cn.dangjian.alert.handling;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface AlertRepository
    extends JpaRepository<Alert, UUID>, JpaSpecificationExecutor<Alert> {

  Optional<Alert> findByRuleIdAndSubjectIdAndPeriodKey(
      String ruleId, UUID subjectId, String periodKey);

  List<Alert> findByRuleIdAndSubjectIdAndStatusIn(
      String ruleId, UUID subjectId, Collection<AlertStatus> statuses);

  List<Alert> findBySubjectIdInAndStatusIn(
      Collection<UUID> subjectIds, Collection<AlertStatus> statuses);

  List<Alert> findByRuleIdAndStatusIn(String ruleId, Collection<AlertStatus> statuses);

  @Query(
      "SELECT a FROM Alert a WHERE a.status IN :statuses AND a.deadline < :asOf ORDER BY a.deadline")
  List<Alert> findOverdue(Collection<AlertStatus> statuses, LocalDate asOf);
}
