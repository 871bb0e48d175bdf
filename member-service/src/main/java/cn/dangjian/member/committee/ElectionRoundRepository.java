package cn.dangjian.member.committee;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ElectionRoundRepository extends JpaRepository<ElectionRound, UUID> {

  List<ElectionRound> findByElectionIdOrderByRecordedAtAsc(UUID electionId);
}
