package cn.dangjian.member.person;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MemberRepository
    extends JpaRepository<Member, UUID>,
        org.springframework.data.jpa.repository.JpaSpecificationExecutor<Member> {

  boolean existsByIdNumberHash(String idNumberHash);

  /** Members of one org by stage and status, for the structural checks. */
  @Query(
      """
      SELECT m.stage AS stage, COUNT(m) AS members FROM Member m
      WHERE m.orgId = :orgId AND m.status = cn.dangjian.member.person.MemberStatus.ACTIVE
      GROUP BY m.stage
      """)
  java.util.List<StageCount> countActiveByStage(@Param("orgId") UUID orgId);

  /** Active members anywhere under a path (for general branches and committees). */
  @Query(
      """
      SELECT COUNT(m) FROM Member m
      WHERE m.orgPath LIKE CONCAT(:prefix, '%')
        AND m.status = cn.dangjian.member.person.MemberStatus.ACTIVE
      """)
  long countActiveUnder(@Param("prefix") String prefix);

  /** Projection of {@link #countActiveByStage}. */
  interface StageCount {
    MemberStage getStage();

    long getMembers();
  }
}
