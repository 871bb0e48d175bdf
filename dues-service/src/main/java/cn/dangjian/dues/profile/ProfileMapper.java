package cn.dangjian.dues.profile;

import cn.dangjian.dues.profile.ProfileRequests.ProfileResponse;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
public interface ProfileMapper {

  /** The base is copied only when the caller may read it (personal data). */
  @Mapping(target = "year", source = "profile.duesYear")
  @Mapping(target = "effectiveMonth", expression = "java(profile.month().toString())")
  @Mapping(target = "categoryLabel", expression = "java(profile.getCategory().label())")
  @Mapping(target = "baseFen", expression = "java(mayReadBase ? profile.getBaseFen() : null)")
  @Mapping(
      target = "baseWithheld",
      expression = "java(!mayReadBase && profile.getBaseFen() != null)")
  @Mapping(
      target = "ratePercent",
      expression = "java(mayReadBase ? profile.getRatePercent() : null)")
  ProfileResponse toResponse(DuesProfile profile, boolean mayReadBase);
}
