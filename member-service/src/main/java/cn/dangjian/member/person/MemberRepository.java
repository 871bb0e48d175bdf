package cn.dangjian.member.person;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MemberRepository extends JpaRepository<Member, UUID> {

  boolean existsByIdNumberHash(String idNumberHash);

  /** Members under a path prefix (null: everywhere) or one member (self service), filtered. */
  @Query(
      """
      SELECT m FROM Member m
      WHERE (:prefix IS NULL OR m.orgPath LIKE CONCAT(:prefix, '%'))
        AND (:selfId IS NULL OR m.id = :selfId)
        AND (:stage IS NULL OR m.stage = :stage)
        AND (:category IS NULL OR m.duesCategory = :category)
        AND (:namePrefix IS NULL OR m.name LIKE CONCAT(:namePrefix, '%'))
        AND (:idNumberHash IS NULL OR m.idNumberHash = :idNumberHash)
      """)
  Page<Member> search(
      @Param("prefix") String prefix,
      @Param("selfId") UUID selfId,
      @Param("stage") MemberStage stage,
      @Param("category") DuesCategory category,
      @Param("namePrefix") String namePrefix,
      @Param("idNumberHash") String idNumberHash,
      Pageable pageable);
}
