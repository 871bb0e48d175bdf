package cn.dangjian.member.org;

import cn.dangjian.member.org.OrgRequests.OrgResponse;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
public interface OrgMapper {

  @Mapping(target = "type", source = "orgType")
  @Mapping(target = "typeLabel", expression = "java(org.getOrgType().label())")
  OrgResponse toResponse(Org org);
}
