package cn.dangjian.dues.profile;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DuesProfileRepository extends JpaRepository<DuesProfile, UUID> {

  List<DuesProfile> findByMemberIdOrderByEffectiveMonthDesc(UUID memberId);

  List<DuesProfile> findByMemberIdAndDuesYearOrderByEffectiveMonthDesc(UUID memberId, int year);

  Optional<DuesProfile> findByMemberIdAndEffectiveMonth(UUID memberId, LocalDate effectiveMonth);
}
