package cn.dangjian.member.development;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface DevelopmentRecordRepository extends JpaRepository<DevelopmentRecord, UUID> {

  List<DevelopmentRecord> findByMemberIdOrderByDoneOnAscRecordedAtAsc(UUID memberId);
}
