package cn.dangjian.member.person;

import cn.dangjian.events.member.EducationLevel;
import cn.dangjian.events.member.Occupation;
import cn.dangjian.platform.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A person in the register: applicant to full member. ID number and phone are held only as
 * ciphertext plus a keyed lookup hash; nothing here is ever logged or put in an event.
 */
@Entity
@Table(name = "member")
public class Member extends VersionedEntity {

  @Column(name = "org_id")
  private UUID orgId;

  @Column(name = "org_path")
  private String orgPath;

  private String name;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Gender gender;

  private String ethnicity;

  @Column(name = "birth_date")
  private LocalDate birthDate;

  @Column(name = "id_number_cipher")
  private String idNumberCipher;

  @Column(name = "id_number_hash")
  private String idNumberHash;

  @Column(name = "phone_cipher")
  private String phoneCipher;

  @Column(name = "phone_hash")
  private String phoneHash;

  /** E-mail for notifications, ciphertext like the phone (no lookup hash: nobody searches it). */
  @Column(name = "email_cipher")
  private String emailCipher;

  /** The mini-program's openid of the member's WeChat account, ciphertext. */
  @Column(name = "wechat_openid_cipher")
  private String wechatOpenidCipher;

  private String education;

  /** 学历 as the statistics group it; UNSPECIFIED (未填) until known. */
  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "education_level")
  private EducationLevel educationLevel;

  private String workplace;

  /** 职业 as the statistics classify it; UNSPECIFIED (未填) until known. */
  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Occupation occupation;

  /** 职务 (e.g. 村党组织书记, 科员), free text. */
  private String post;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private MemberStage stage;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "dues_category")
  private DuesCategory duesCategory;

  @Column(name = "join_date")
  private LocalDate joinDate;

  @Column(name = "full_member_date")
  private LocalDate fullMemberDate;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private MemberStatus status;

  @Column(name = "status_since")
  private LocalDate statusSince;

  /** 0 for a person's first record; n for the n-th re-entry after the 5-year bar. */
  @Column(name = "registration_seq")
  private int registrationSeq;

  protected Member() {}

  private Member(UUID id, Instant now) {
    super(id, now);
  }

  /** Personal data as stored: ciphertext and lookup hashes, computed by the caller's cipher. */
  public record SealedPersonalData(
      String idNumberCipher, String idNumberHash, String phoneCipher, String phoneHash) {}

  /** The non-secret part of a registration, with its 党内统计 classifications. */
  public record Profile(
      String name,
      Gender gender,
      String ethnicity,
      LocalDate birthDate,
      String education,
      String workplace,
      DuesCategory duesCategory,
      EducationLevel educationLevel,
      Occupation occupation,
      String post) {}

  /** {@code id} is chosen first because the personal data is sealed to it. */
  static Member register(
      UUID id,
      UUID orgId,
      String orgPath,
      Profile profile,
      SealedPersonalData sealed,
      MemberStage stage,
      LocalDate joinDate,
      LocalDate fullMemberDate,
      Instant now) {
    Member member = new Member(id, now);
    member.orgId = orgId;
    member.orgPath = orgPath;
    member.apply(profile);
    member.idNumberCipher = sealed.idNumberCipher();
    member.idNumberHash = sealed.idNumberHash();
    member.phoneCipher = sealed.phoneCipher();
    member.phoneHash = sealed.phoneHash();
    member.stage = stage;
    member.joinDate = joinDate;
    member.fullMemberDate = fullMemberDate;
    member.status = MemberStatus.ACTIVE;
    return member;
  }

  /** A new record of a person whose earlier records stay as history (5-year re-entry bar). */
  void registeredAgain(int seq) {
    this.registrationSeq = seq;
  }

  public int getRegistrationSeq() {
    return registrationSeq;
  }

  void apply(Profile profile) {
    this.name = profile.name();
    this.gender = profile.gender();
    this.ethnicity = profile.ethnicity();
    this.birthDate = profile.birthDate();
    this.education = profile.education();
    this.workplace = profile.workplace();
    this.duesCategory = profile.duesCategory();
    this.educationLevel =
        profile.educationLevel() == null ? EducationLevel.UNSPECIFIED : profile.educationLevel();
    this.occupation = profile.occupation() == null ? Occupation.UNSPECIFIED : profile.occupation();
    this.post = profile.post();
  }

  void changePhone(String cipher, String hash) {
    this.phoneCipher = cipher;
    this.phoneHash = hash;
  }

  void changeEmail(String cipher) {
    this.emailCipher = cipher;
  }

  void bindWechat(String cipher, Instant now) {
    this.wechatOpenidCipher = cipher;
    markUpdated(now);
  }

  void changeStatus(MemberStatus to, LocalDate effectiveOn, Instant now) {
    this.status = to;
    this.statusSince = effectiveOn;
    markUpdated(now);
  }

  /** Applies what a development step led to (stage, admission or 转正 date). */
  public void advance(
      MemberStage newStage, LocalDate newJoinDate, LocalDate newFullMemberDate, Instant now) {
    if (newStage != null) {
      this.stage = newStage;
    }
    if (newJoinDate != null) {
      this.joinDate = newJoinDate;
    }
    if (newFullMemberDate != null) {
      this.fullMemberDate = newFullMemberDate;
    }
    markUpdated(now);
  }

  /** The organisational relationship now lies with another branch (transfer received). */
  public void relocate(UUID newOrgId, String newOrgPath, Instant now) {
    this.orgId = newOrgId;
    this.orgPath = newOrgPath;
    markUpdated(now);
  }

  /** The relationship left the platform: the record stays, as history. */
  public void transferredOut(LocalDate on, Instant now) {
    this.status = MemberStatus.TRANSFERRED_OUT;
    this.statusSince = on;
    markUpdated(now);
  }

  void touch(Instant now) {
    markUpdated(now);
  }

  public Profile profile() {
    return new Profile(
        name,
        gender,
        ethnicity,
        birthDate,
        education,
        workplace,
        duesCategory,
        educationLevel,
        occupation,
        post);
  }

  public UUID getOrgId() {
    return orgId;
  }

  public String getOrgPath() {
    return orgPath;
  }

  public String getName() {
    return name;
  }

  public Gender getGender() {
    return gender;
  }

  public String getEthnicity() {
    return ethnicity;
  }

  public LocalDate getBirthDate() {
    return birthDate;
  }

  public String getIdNumberCipher() {
    return idNumberCipher;
  }

  public String getPhoneCipher() {
    return phoneCipher;
  }

  public String getPhoneHash() {
    return phoneHash;
  }

  public String getEmailCipher() {
    return emailCipher;
  }

  public String getWechatOpenidCipher() {
    return wechatOpenidCipher;
  }

  public String getEducation() {
    return education;
  }

  public String getWorkplace() {
    return workplace;
  }

  public EducationLevel getEducationLevel() {
    return educationLevel;
  }

  public Occupation getOccupation() {
    return occupation;
  }

  public String getPost() {
    return post;
  }

  public MemberStage getStage() {
    return stage;
  }

  public DuesCategory getDuesCategory() {
    return duesCategory;
  }

  public LocalDate getJoinDate() {
    return joinDate;
  }

  public LocalDate getFullMemberDate() {
    return fullMemberDate;
  }

  public MemberStatus getStatus() {
    return status;
  }

  public LocalDate getStatusSince() {
    return statusSince;
  }
}
