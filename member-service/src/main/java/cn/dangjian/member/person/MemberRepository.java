package cn.dangjian.member.person;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MemberRepository
    extends JpaRepository<Member, UUID>,
        org.springframework.data.jpa.repository.JpaSpecificationExecutor<Member> {

  /** Every record of a person: the current one and those kept as history after a re-entry. */
  List<Member> findByIdNumberHash(String idNumberHash);

  /** Members of a subtree (or all) in id order after {@code after} (keyset paging). */
  @Query(
      """
      SELECT m FROM Member m
      WHERE m.id > :after
        AND (:prefix IS NULL OR m.orgPath LIKE CONCAT(:prefix, '%'))
      ORDER BY m.id
      """)
  List<Member> pageAfter(
      @Param("after") UUID after, @Param("prefix") String prefix, Pageable limit);

  /**
   * Members (in id order after {@code after}, optionally within a subtree) with a value not sealed
   * under the current key: {@code currentPrefix} is {@code v2:<kid>:%}.
   */
  @Query(
      """
      SELECT m FROM Member m
      WHERE m.id > :after
        AND (:prefix IS NULL OR m.orgPath LIKE CONCAT(:prefix, '%'))
        AND (m.idNumberCipher NOT LIKE :currentPrefix
             OR (m.phoneCipher IS NOT NULL AND m.phoneCipher NOT LIKE :currentPrefix)
             OR (m.emailCipher IS NOT NULL AND m.emailCipher NOT LIKE :currentPrefix)
             OR (m.wechatOpenidCipher IS NOT NULL AND m.wechatOpenidCipher NOT LIKE :currentPrefix))
      ORDER BY m.id
      """)
  List<Member> staleCiphertexts(
      @Param("after") UUID after,
      @Param("prefix") String prefix,
      @Param("currentPrefix") String currentPrefix,
      Pageable limit);

  /**
   * Replaces the ciphertexts if they are still the ones read (a concurrent edit wins). The version
   * is left alone: the plaintext did not change, so clients' ETags stay valid.
   */
  @Modifying
  @Query(
      """
      UPDATE Member m SET m.idNumberCipher = :idCipher, m.phoneCipher = :phoneCipher
      WHERE m.id = :id AND m.idNumberCipher = :oldIdCipher
        AND ((:oldPhoneCipher IS NULL AND m.phoneCipher IS NULL) OR m.phoneCipher = :oldPhoneCipher)
      """)
  int reseal(
      @Param("id") UUID id,
      @Param("oldIdCipher") String oldIdCipher,
      @Param("oldPhoneCipher") String oldPhoneCipher,
      @Param("idCipher") String idCipher,
      @Param("phoneCipher") String phoneCipher);

  /** The contact addresses' part of {@link #reseal}, under the same rule (still as read). */
  @Modifying
  @Query(
      """
      UPDATE Member m SET m.emailCipher = :email, m.wechatOpenidCipher = :openid
      WHERE m.id = :id
        AND ((:oldEmail IS NULL AND m.emailCipher IS NULL) OR m.emailCipher = :oldEmail)
        AND ((:oldOpenid IS NULL AND m.wechatOpenidCipher IS NULL) OR m.wechatOpenidCipher = :oldOpenid)
      """)
  int resealContacts(
      @Param("id") UUID id,
      @Param("oldEmail") String oldEmail,
      @Param("oldOpenid") String oldOpenid,
      @Param("email") String email,
      @Param("openid") String openid);

  /**
   * Members of an org with a vote: full members, active, not under 留党察看 and without suspended
   * rights (probationary members have no vote).
   */
  @Query(
      value =
          """
          SELECT COUNT(*) FROM member m WHERE m.org_id = UNHEX(REPLACE(:orgId, '-', ''))
            AND m.stage = 'FULL' AND m.status = 'ACTIVE' AND NOT EXISTS (
              SELECT 1 FROM member_flag f WHERE f.member_id = m.id AND f.cleared_on IS NULL
                AND f.flag IN ('DISCIPLINARY_PROBATION', 'RIGHTS_SUSPENDED'))
          """,
      nativeQuery = true)
  long countEntitledVoters(@Param("orgId") String orgId);

  /**
   * Members with a vote anywhere under an org path (a 党总支's or 党委's 党员大会 gathers the members of its
   * branches): the same conditions as {@link #countEntitledVoters}.
   */
  @Query(
      value =
          """
          SELECT COUNT(*) FROM member m WHERE m.org_path LIKE CONCAT(:path, '%')
            AND m.stage = 'FULL' AND m.status = 'ACTIVE' AND NOT EXISTS (
              SELECT 1 FROM member_flag f WHERE f.member_id = m.id AND f.cleared_on IS NULL
                AND f.flag IN ('DISCIPLINARY_PROBATION', 'RIGHTS_SUSPENDED'))
          """,
      nativeQuery = true)
  long countEntitledVotersUnder(@Param("path") String path);
}
