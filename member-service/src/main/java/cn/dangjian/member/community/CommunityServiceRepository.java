package cn.dangjian.member.community;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CommunityServiceRepository extends JpaRepository<CommunityService, UUID> {

  List<CommunityService> findByRegistrationIdOrderByServedOnDesc(UUID registrationId);

  @Query("SELECT COALESCE(SUM(s.hours), 0) FROM CommunityService s WHERE s.registrationId = :id")
  BigDecimal totalHours(@Param("id") UUID registrationId);

  long countByRegistrationId(UUID registrationId);
}
