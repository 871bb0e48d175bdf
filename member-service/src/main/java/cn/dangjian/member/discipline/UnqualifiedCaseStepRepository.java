package cn.dangjian.member.discipline;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface UnqualifiedCaseStepRepository extends JpaRepository<UnqualifiedCaseStep, UUID> {

  List<UnqualifiedCaseStep> findByCaseIdOrderByCreatedAtAsc(UUID caseId);
}
