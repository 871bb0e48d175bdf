package cn.dangjian.member.org;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OrgRepository extends JpaRepository<Org, UUID>, OrgRepositoryExtras {

  /** Orgs whose path starts with the prefix (null prefix: all), optionally filtered. */
  @Query(
      """
      SELECT o FROM Org o
      WHERE (:prefix IS NULL OR o.path LIKE CONCAT(:prefix, '%'))
        AND (:parentId IS NULL OR o.parentId = :parentId)
        AND (:type IS NULL OR o.orgType = :type)
        AND (:namePrefix IS NULL OR o.name LIKE CONCAT(:namePrefix, '%'))
        AND (:status IS NULL OR o.status = :status)
      """)
  Page<Org> search(
      @Param("prefix") String prefix,
      @Param("parentId") UUID parentId,
      @Param("type") OrgType type,
      @Param("namePrefix") String namePrefix,
      @Param("status") OrgStatus status,
      Pageable pageable);
}
