package cn.dangjian.member.committee;

import cn.dangjian.member.committee.ElectionRequests.ElectionView;
import cn.dangjian.member.committee.ElectionRequests.RoundView;
import cn.dangjian.member.committee.ElectionRequests.VoteView;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** An election as the API shows it: its rounds with their votes, and the warnings it carries. */
@Component
class ElectionViews {

  private final ElectionRoundRepository rounds;

  ElectionViews(ElectionRoundRepository rounds) {
    this.rounds = rounds;
  }

  ElectionView of(Election e) {
    List<RoundView> roundViews =
        rounds.findByElectionIdOrderByRecordedAtAsc(e.getId()).stream()
            .map(
                r -> {
                  List<UUID> elected = r.elected();
                  return new RoundView(
                      r.getId(),
                      r.getHeldOn(),
                      r.getEntitled(),
                      r.getPresent(),
                      r.getBallotsCast(),
                      r.isValid(),
                      r.getInvalidRule(),
                      r.votes().entrySet().stream()
                          .map(
                              v ->
                                  new VoteView(
                                      v.getKey(), v.getValue(), elected.contains(v.getKey())))
                          .toList(),
                      elected);
                })
            .toList();
    List<String> warnings = new ArrayList<>();
    if (e.isRequestLate()) {
      warnings.add(ElectionRules.REQUEST_LATE);
    }
    if (e.getStatus() == ElectionStatus.HELD
        && !roundViews.isEmpty()
        && roundViews.get(roundViews.size() - 1).electedMemberIds().size() < e.getSeats()) {
      warnings.add(ElectionRules.FEWER_ELECTED);
    }
    return new ElectionView(
        e.getId(),
        e.getOrgId(),
        e.getStatus(),
        e.getStatus().label(),
        e.getTermDueOn(),
        e.getRequestedOn(),
        e.getPlannedOn(),
        e.getSeats(),
        e.candidates(),
        e.getSeats() == null ? null : ElectionRules.minimumCandidates(e.getSeats()),
        e.getCurrentApprovalId(),
        e.getCurrentApprovalKind(),
        roundViews,
        e.getSecretaryMemberId(),
        e.getDeputyMemberId(),
        e.getTermId(),
        warnings,
        e.getVersion());
  }
}
