package cn.dangjian.member.org;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OrgRepository
    extends JpaRepository<Org, UUID>, JpaSpecificationExecutor<Org>, OrgRepositoryExtras {

  /** Organisations of a subtree (or all) in path order after {@code after} (keyset paging). */
  @Query(
      """
      SELECT o FROM Org o
      WHERE (:prefix IS NULL OR o.path LIKE CONCAT(:prefix, '%'))
        AND o.path > :after
      ORDER BY o.path
      """)
  List<Org> classificationPage(
      @Param("prefix") String prefix, @Param("after") String after, Pageable limit);
}
