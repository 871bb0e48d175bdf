package cn.dangjian.member.person;

import cn.dangjian.member.person.MemberRequests.AccessRecord;
import cn.dangjian.member.person.MemberRequests.MemberResponse;
import cn.dangjian.member.privacy.PersonalDataAccess;
import java.time.LocalDate;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
public interface MemberMapper {

  /** ID number and phone come in already masked; this mapper never sees plaintext. */
  @Mapping(target = "idNumber", source = "maskedIdNumber")
  @Mapping(target = "phone", source = "maskedPhone")
  @Mapping(target = "email", source = "maskedEmail")
  @Mapping(target = "wechatBound", expression = "java(member.getWechatOpenidCipher() != null)")
  @Mapping(target = "birthDate", source = "visibleBirthDate")
  @Mapping(
      target = "birthYear",
      expression = "java(member.getBirthDate() == null ? null : member.getBirthDate().getYear())")
  @Mapping(target = "stageLabel", expression = "java(member.getStage().label())")
  @Mapping(target = "statusLabel", expression = "java(member.getStatus().label())")
  @Mapping(target = "occupationLabel", expression = "java(member.getOccupation().label())")
  @Mapping(target = "educationLevelLabel", expression = "java(member.getEducationLevel().label())")
  @Mapping(
      target = "partyStandingYears",
      expression =
          "java(MemberRegistrationRules.partyStandingYears(member.getFullMemberDate(), today))")
  MemberResponse toResponse(
      Member member,
      String maskedIdNumber,
      String maskedPhone,
      String maskedEmail,
      LocalDate visibleBirthDate,
      @Context LocalDate today);

  AccessRecord toAccessRecord(PersonalDataAccess access);

  @Mapping(target = "flagLabel", expression = "java(period.getFlag().label())")
  MemberRequests.FlagView toFlagView(MemberFlagPeriod period);

  MemberRequests.StatusChangeView toStatusChangeView(MemberStatusChange change);
}
