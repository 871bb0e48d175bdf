package cn.dangjian.member.bulk;

import cn.dangjian.member.org.Org;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * Organisations in path order after a given path (keyset paging). Path order puts every parent
 * before its children, which is what a re-import of the file needs.
 */
interface BulkOrgReads extends Repository<Org, UUID> {

  @Query(
      """
      SELECT o FROM Org o
      WHERE (:prefix IS NULL OR o.path LIKE CONCAT(:prefix, '%'))
        AND o.path > :after
      ORDER BY o.path
      """)
  List<Org> pageAfter(@Param("prefix") String prefix, @Param("after") String after, Pageable limit);

  /** How many organisations an export of the subtree would write (the same filter as the pages). */
  @Query(
      """
      SELECT COUNT(o) FROM Org o
      WHERE (:prefix IS NULL OR o.path LIKE CONCAT(:prefix, '%'))
      """)
  long countIn(@Param("prefix") String prefix);
}
