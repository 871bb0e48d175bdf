package cn.dangjian.member.org;

import cn.dangjian.member.org.OrgRequests.OrgResponse;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
public interface OrgMapper {

  @Mapping(target = "type", source = "orgType")
  @Mapping(target = "typeLabel", expression = "java(org.getOrgType().label())")
  @Mapping(target = "unitTypeLabel", expression = "java(org.getUnitType().label())")
  @Mapping(target = "affiliationLabel", expression = "java(org.getAffiliation().label())")
  @Mapping(
      target = "structureWarnings",
      expression =
          "java(org.getStructureWarnings() == null || org.getStructureWarnings().isEmpty()"
              + " ? java.util.List.of()"
              + " : java.util.List.of(org.getStructureWarnings().split(\",\")))")
  OrgResponse toResponse(Org org);

  OrgRequests.OrgHistoryView toHistoryView(OrgHistory history);
}
