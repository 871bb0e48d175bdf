package cn.dangjian.member.discipline;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SanctionRepository extends JpaRepository<Sanction, UUID> {

  List<Sanction> findByMemberIdOrderByDecidedOnDesc(UUID memberId);
}
