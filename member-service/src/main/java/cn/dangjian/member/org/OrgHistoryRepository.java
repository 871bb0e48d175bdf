package cn.dangjian.member.org;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrgHistoryRepository extends JpaRepository<OrgHistory, UUID> {

  List<OrgHistory> findByOrgIdOrderByChangedAtAsc(UUID orgId);
}
