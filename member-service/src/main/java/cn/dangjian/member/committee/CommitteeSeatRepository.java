package cn.dangjian.member.committee;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CommitteeSeatRepository extends JpaRepository<CommitteeSeat, UUID> {

  List<CommitteeSeat> findByTermIdOrderByAppointedOnAsc(UUID termId);
}
