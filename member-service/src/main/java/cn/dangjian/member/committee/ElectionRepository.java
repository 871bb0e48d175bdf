package cn.dangjian.member.committee;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ElectionRepository extends JpaRepository<Election, UUID> {

  Optional<Election> findByOpenOrgId(UUID orgId);

  List<Election> findByOrgIdOrderByCreatedAtDesc(UUID orgId);
}
