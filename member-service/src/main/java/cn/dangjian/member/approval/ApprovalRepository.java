package cn.dangjian.member.approval;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ApprovalRepository
    extends JpaRepository<Approval, UUID>, JpaSpecificationExecutor<Approval> {

  boolean existsByOpenKey(String openKey);
}
