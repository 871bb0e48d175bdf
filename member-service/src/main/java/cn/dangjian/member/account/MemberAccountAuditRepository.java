package cn.dangjian.member.account;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface MemberAccountAuditRepository extends JpaRepository<MemberAccountAudit, UUID> {

  List<MemberAccountAudit> findByMemberIdOrderByOccurredAtAsc(UUID memberId);
}
