package cn.dangjian.member.person;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MemberFlagRepository extends JpaRepository<MemberFlagPeriod, UUID> {

  List<MemberFlagPeriod> findByMemberIdOrderByStartedOnDesc(UUID memberId);

  List<MemberFlagPeriod> findByMemberIdAndClearedOnIsNull(UUID memberId);
}
