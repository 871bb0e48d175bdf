package cn.dangjian.member.person;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MemberRepository extends JpaRepository<Member, UUID> {

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

  /** Members under a path prefix (null: everywhere) or one member (self service), filtered. */
  @Query(
      """
      SELECT m FROM Member m
      WHERE (:prefix IS NULL OR m.orgPath LIKE CONCAT(:prefix, '%'))
        AND (:selfId IS NULL OR m.id = :selfId)
        AND (:stage IS NULL OR m.stage = :stage)
        AND (:status IS NULL OR m.status = :status)
        AND (:category IS NULL OR m.duesCategory = :category)
        AND (:namePrefix IS NULL OR m.name LIKE CONCAT(:namePrefix, '%'))
        AND (:idNumberHash IS NULL OR m.idNumberHash = :idNumberHash)
      """)
  Page<Member> search(
      @Param("prefix") String prefix,
      @Param("selfId") UUID selfId,
      @Param("stage") MemberStage stage,
      @Param("status") MemberStatus status,
      @Param("category") DuesCategory category,
      @Param("namePrefix") String namePrefix,
      @Param("idNumberHash") String idNumberHash,
      Pageable pageable);
}
