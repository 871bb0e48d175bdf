package cn.dangjian.orglife.meeting;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MeetingRepository extends JpaRepository<Meeting, UUID> {

  /** Meetings of orgs under the prefix (null: all), optionally filtered. */
  @Query(
      """
      SELECT m FROM Meeting m
      WHERE (:prefix IS NULL OR m.orgPath LIKE CONCAT(:prefix, '%'))
        AND (:orgId IS NULL OR m.orgId = :orgId)
        AND (:type IS NULL OR m.type = :type)
        AND (:status IS NULL OR m.status = :status)
        AND (:from IS NULL OR m.heldOn >= :from)
        AND (:to IS NULL OR m.heldOn <= :to)
      """)
  Page<Meeting> search(
      @Param("prefix") String prefix,
      @Param("orgId") UUID orgId,
      @Param("type") MeetingType type,
      @Param("status") MeetingStatus status,
      @Param("from") LocalDate from,
      @Param("to") LocalDate to,
      Pageable pageable);

  /** Meetings a member is on the list of (self service). */
  @Query(
      value =
          """
          SELECT m.* FROM meeting m
          WHERE m.id IN (SELECT a.meeting_id FROM meeting_attendance a WHERE a.member_id = :member)
          ORDER BY m.starts_at DESC
          """,
      countQuery = "SELECT COUNT(*) FROM meeting_attendance a WHERE a.member_id = :member",
      nativeQuery = true)
  Page<Meeting> attendedBy(@Param("member") byte[] member, Pageable pageable);
}
