package cn.dangjian.member.transfer;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TransferRepository extends JpaRepository<Transfer, UUID> {

  boolean existsByMemberIdAndStatusIn(UUID memberId, java.util.Collection<TransferStatus> statuses);

  /** Transfers either side of which lies under the prefix (null: all). */
  @Query(
      """
      SELECT t FROM Transfer t
      WHERE (:prefix IS NULL OR t.fromOrgPath LIKE CONCAT(:prefix, '%')
             OR t.toOrgPath LIKE CONCAT(:prefix, '%'))
        AND (:status IS NULL OR t.status = :status)
        AND (:memberId IS NULL OR t.memberId = :memberId)
      """)
  Page<Transfer> search(
      @Param("prefix") String prefix,
      @Param("status") TransferStatus status,
      @Param("memberId") UUID memberId,
      Pageable pageable);
}
