package cn.dangjian.member.mobile;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MobileCertificateRepository extends JpaRepository<MobileCertificate, UUID> {

  Optional<MobileCertificate> findByMemberIdAndStatus(UUID memberId, MobileStatus status);

  boolean existsByMemberIdAndStatus(UUID memberId, MobileStatus status);

  /** Certificates whose home or host lies under the prefix (null: all). */
  @Query(
      """
      SELECT c FROM MobileCertificate c
      WHERE (:prefix IS NULL OR c.homeOrgPath LIKE CONCAT(:prefix, '%')
             OR c.hostOrgPath LIKE CONCAT(:prefix, '%'))
        AND (:hostPrefix IS NULL OR c.hostOrgPath LIKE CONCAT(:hostPrefix, '%'))
        AND (:status IS NULL OR c.status = :status)
        AND (:memberId IS NULL OR c.memberId = :memberId)
      """)
  Page<MobileCertificate> search(
      @Param("prefix") String prefix,
      @Param("hostPrefix") String hostPrefix,
      @Param("status") MobileStatus status,
      @Param("memberId") UUID memberId,
      Pageable pageable);
}
