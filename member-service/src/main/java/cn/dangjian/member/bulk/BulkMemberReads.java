package cn.dangjian.member.bulk;

import cn.dangjian.member.person.Member;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * Members in id order after a given id (keyset paging): each page is one index range scan, however
 * deep into a province-sized export, and no count query.
 */
interface BulkMemberReads extends Repository<Member, UUID> {

  /** First id for keyset paging: sorts before every UUIDv7. */
  UUID BEFORE_ALL = new UUID(0L, 0L);

  @Query(
      """
      SELECT m FROM Member m
      WHERE (:prefix IS NULL OR m.orgPath LIKE CONCAT(:prefix, '%'))
        AND m.id > :after
      ORDER BY m.id
      """)
  List<Member> pageAfter(
      @Param("prefix") String prefix, @Param("after") UUID after, Pageable limit);

  /** How many members an export of the subtree would write (the same filter as the pages). */
  @Query(
      """
      SELECT COUNT(m) FROM Member m
      WHERE (:prefix IS NULL OR m.orgPath LIKE CONCAT(:prefix, '%'))
      """)
  long countIn(@Param("prefix") String prefix);
}
