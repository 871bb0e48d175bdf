package cn.dangjian.member.committee;

import cn.dangjian.member.org.Org;
import cn.dangjian.member.org.OrgType;
import cn.dangjian.member.person.Member;
import cn.dangjian.member.person.MemberFlag;
import cn.dangjian.member.person.MemberFlagPeriod;
import cn.dangjian.member.person.MemberFlagRepository;
import cn.dangjian.member.person.MemberRepository;
import cn.dangjian.member.structure.OrgStructureService;
import cn.dangjian.platform.problem.ProblemException;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Who votes in an org's election and who may stand: counted by the service, never taken from the
 * client.
 */
@Component
class Electorate {

  private final MemberRepository members;
  private final MemberFlagRepository flags;
  private final OrgStructureService structure;

  Electorate(MemberRepository members, MemberFlagRepository flags, OrgStructureService structure) {
    this.members = members;
    this.flags = flags;
    this.structure = structure;
  }

  /**
   * Those entitled to attend and vote: a branch's own members with a vote; for a 党总支 or 党委 the
   * members with a vote of the whole organisation (its 党员大会; 党员代表大会 are not modelled).
   */
  int entitled(Org org) {
    boolean branch =
        org.getOrgType() == OrgType.BRANCH
            || org.getOrgType() == OrgType.JOINT_BRANCH
            || org.getOrgType() == OrgType.TEMPORARY_BRANCH;
    return (int)
        (branch
            ? members.countEntitledVoters(org.getId().toString())
            : members.countEntitledVotersUnder(org.getPath()));
  }

  /** Below seven formal members a branch elects only a secretary and, if needed, a deputy. */
  void checkSeatsForSize(Org org, int seats) {
    boolean branch = org.getOrgType() == OrgType.BRANCH || org.getOrgType() == OrgType.JOINT_BRANCH;
    if (branch
        && seats > 2
        && structure.current(org).formalMembers() < CommitteeRules.COMMITTEE_FROM_FORMAL) {
      throw ProblemException.businessRule(
          "committee-needs-seven-formal-members",
          "committee.rule.committee-needs-seven",
          CommitteeRules.COMMITTEE_FROM_FORMAL);
    }
  }

  void checkCandidate(Org org, UUID memberId) {
    Member member =
        members
            .findById(memberId)
            .filter(m -> m.getOrgPath().startsWith(org.getPath()))
            .orElseThrow(
                () ->
                    ProblemException.businessRule(
                        "member-not-in-org", "committee.rule.member-not-in-org", memberId));
    Set<MemberFlag> active =
        flags.findByMemberIdAndClearedOnIsNull(memberId).stream()
            .map(MemberFlagPeriod::getFlag)
            .collect(Collectors.toSet());
    ElectionRules.checkCandidate(member.getStage(), member.getStatus(), active);
  }
}
