package cn.dangjian.member.discipline;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface UnqualifiedCaseRepository extends JpaRepository<UnqualifiedCase, UUID> {

  List<UnqualifiedCase> findByMemberIdOrderByOpenedOnDesc(UUID memberId);

  boolean existsByMemberIdAndClosedFalse(UUID memberId);

  java.util.Optional<UnqualifiedCase> findFirstByMemberIdAndClosedFalse(UUID memberId);
}
