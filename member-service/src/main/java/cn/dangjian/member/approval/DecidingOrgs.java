package cn.dangjian.member.approval;

import cn.dangjian.member.org.Org;
import cn.dangjian.member.org.OrgRepository;
import cn.dangjian.member.org.OrgType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Which 党委 a deciding body is for a subject: read from the org tree above it. */
@Component
class DecidingOrgs {

  private final OrgRepository orgs;

  DecidingOrgs(OrgRepository orgs) {
    this.orgs = orgs;
  }

  /** The chain's bodies resolved to the 党委 above the subject (the county 组织部 if there is none). */
  List<ApprovalStage> chain(String subjectOrgPath, List<DecidingBody> bodies) {
    List<UUID> ancestors = ancestors(subjectOrgPath);
    Map<UUID, Org> byId =
        orgs.findAllById(ancestors).stream().collect(Collectors.toMap(Org::getId, o -> o));
    // nearest first
    List<Org> committees = new ArrayList<>();
    for (int i = ancestors.size() - 1; i >= 0; i--) {
      Org org = byId.get(ancestors.get(i));
      if (org != null && org.getOrgType() == OrgType.PARTY_COMMITTEE) {
        committees.add(org);
      }
    }
    List<ApprovalStage> chain = new ArrayList<>();
    for (DecidingBody body : bodies) {
      int seq = chain.size();
      Optional<Org> org =
          switch (body) {
            case PRIMARY_COMMITTEE -> committees.stream().findFirst();
            case HIGHER_COMMITTEE -> committees.stream().skip(1).findFirst();
            default -> Optional.empty();
          };
      if ((body == DecidingBody.PRIMARY_COMMITTEE || body == DecidingBody.HIGHER_COMMITTEE)
          && org.isEmpty()) {
        chain.add(new ApprovalStage(seq, DecidingBody.COUNTY_ORG_DEPARTMENT, null, null));
      } else {
        chain.add(
            new ApprovalStage(
                seq, body, org.map(Org::getId).orElse(null), org.map(Org::getName).orElse(null)));
      }
    }
    return chain;
  }

  /** The strict ancestors of the org at the end of a path, root first. */
  private static List<UUID> ancestors(String path) {
    List<UUID> ids =
        Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(UUID::fromString).toList();
    return ids.subList(0, Math.max(0, ids.size() - 1));
  }
}
