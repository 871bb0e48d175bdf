package cn.dangjian.member.approval;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApprovalLogRepository extends JpaRepository<ApprovalLogEntry, UUID> {

  List<ApprovalLogEntry> findByApprovalIdOrderByAtAsc(UUID approvalId);
}
