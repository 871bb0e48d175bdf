package cn.dangjian.member.statistics;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the statistics know of one person at one time: where the relationship is held and the
 * classifications the figures group by. Values are the codes of the events (stage, status…).
 */
record MemberState(
    UUID memberId,
    LocalDate validFrom,
    UUID orgId,
    String orgPath,
    String stage,
    String status,
    String gender,
    @Nullable String ethnicity,
    @Nullable String birthMonth,
    String education,
    String occupation,
    @Nullable String fullSince,
    boolean mobile,
    boolean lostContact) {

  static MemberState registered(
      UUID memberId, LocalDate on, UUID orgId, String orgPath, String stage) {
    return new MemberState(
        memberId,
        on,
        orgId,
        orgPath,
        stage,
        "ACTIVE",
        "UNSPECIFIED",
        null,
        null,
        "UNSPECIFIED",
        "UNSPECIFIED",
        null,
        false,
        false);
  }

  MemberState at(LocalDate on) {
    return new MemberState(
        memberId,
        on,
        orgId,
        orgPath,
        stage,
        status,
        gender,
        ethnicity,
        birthMonth,
        education,
        occupation,
        fullSince,
        mobile,
        lostContact);
  }

  MemberState inOrg(UUID newOrgId, String newPath) {
    return new MemberState(
        memberId,
        validFrom,
        newOrgId,
        newPath,
        stage,
        status,
        gender,
        ethnicity,
        birthMonth,
        education,
        occupation,
        fullSince,
        mobile,
        lostContact);
  }

  MemberState withStage(String newStage, @Nullable String newFullSince) {
    return new MemberState(
        memberId,
        validFrom,
        orgId,
        orgPath,
        newStage,
        status,
        gender,
        ethnicity,
        birthMonth,
        education,
        occupation,
        newFullSince,
        mobile,
        lostContact);
  }

  MemberState withStatus(String newStatus) {
    return new MemberState(
        memberId,
        validFrom,
        orgId,
        orgPath,
        stage,
        newStatus,
        gender,
        ethnicity,
        birthMonth,
        education,
        occupation,
        fullSince,
        mobile,
        lostContact);
  }

  MemberState classified(
      String newGender,
      @Nullable String newEthnicity,
      @Nullable String newBirthMonth,
      String newEducation,
      String newOccupation) {
    return new MemberState(
        memberId,
        validFrom,
        orgId,
        orgPath,
        stage,
        status,
        newGender,
        newEthnicity,
        newBirthMonth,
        newEducation,
        newOccupation,
        fullSince,
        mobile,
        lostContact);
  }

  MemberState withFlag(String flag, boolean active) {
    return switch (flag) {
      case "MOBILE" ->
          new MemberState(
              memberId,
              validFrom,
              orgId,
              orgPath,
              stage,
              status,
              gender,
              ethnicity,
              birthMonth,
              education,
              occupation,
              fullSince,
              active,
              lostContact);
      case "LOST_CONTACT" ->
          new MemberState(
              memberId,
              validFrom,
              orgId,
              orgPath,
              stage,
              status,
              gender,
              ethnicity,
              birthMonth,
              education,
              occupation,
              fullSince,
              mobile,
              active);
      default -> this;
    };
  }

  /** Same figures-relevant content, whatever the dates. */
  boolean sameFacts(MemberState other) {
    return at(other.validFrom).equals(other);
  }
}
