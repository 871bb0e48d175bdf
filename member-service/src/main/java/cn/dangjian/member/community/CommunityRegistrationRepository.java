package cn.dangjian.member.community;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CommunityRegistrationRepository extends JpaRepository<CommunityRegistration, UUID> {

  boolean existsByMemberIdAndStatus(UUID memberId, String status);

  java.util.Optional<CommunityRegistration> findByMemberIdAndStatus(UUID memberId, String status);

  /**
   * Registrations whose member's branch ({@code branchPrefix}) or community ({@code
   * communityPrefix}) lies under the prefix; a null prefix does not filter.
   */
  @Query(
      """
      SELECT r FROM CommunityRegistration r
      WHERE (:branchPrefix IS NULL OR r.memberOrgPath LIKE CONCAT(:branchPrefix, '%'))
        AND (:communityPrefix IS NULL OR r.communityOrgPath LIKE CONCAT(:communityPrefix, '%'))
        AND (:anyPrefix IS NULL OR r.memberOrgPath LIKE CONCAT(:anyPrefix, '%')
             OR r.communityOrgPath LIKE CONCAT(:anyPrefix, '%'))
        AND (:status IS NULL OR r.status = :status)
        AND (:memberId IS NULL OR r.memberId = :memberId)
      """)
  Page<CommunityRegistration> search(
      @Param("branchPrefix") String branchPrefix,
      @Param("communityPrefix") String communityPrefix,
      @Param("anyPrefix") String anyPrefix,
      @Param("status") String status,
      @Param("memberId") UUID memberId,
      Pageable pageable);
}
