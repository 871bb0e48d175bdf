package cn.dangjian.member.committee;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CommitteeTermRepository extends JpaRepository<CommitteeTerm, UUID> {

  Optional<CommitteeTerm> findByOrgIdAndStatus(UUID orgId, String status);

  List<CommitteeTerm> findByOrgIdOrderByStartedOnDesc(UUID orgId);
}
