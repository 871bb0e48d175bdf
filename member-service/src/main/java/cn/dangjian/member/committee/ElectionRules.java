package cn.dangjian.member.committee;

import cn.dangjian.member.committee.CommitteeRequests.Seat;
import cn.dangjian.member.committee.CommitteeRequests.StartTerm;
import cn.dangjian.member.committee.ElectionRequests.Assignment;
import cn.dangjian.member.committee.ElectionRequests.ReportResult;
import cn.dangjian.member.person.MemberFlag;
import cn.dangjian.member.person.MemberStage;
import cn.dangjian.member.person.MemberStatus;
import cn.dangjian.platform.problem.ProblemException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * 换届 elections (XJ 《中国共产党基层组织选举工作条例》; DOMAIN.md §1.3): who votes and may be elected, 差额, turnout,
 * majority, the timing of the 请示 and the secretary. Plain rules: the service passes the counts and
 * facts it looked up.
 */
public final class ElectionRules {

  /** XJ: an election is valid only if voters present are more than 4/5 of those entitled. */
  public static final int TURNOUT_NUMERATOR = 4;

  public static final int TURNOUT_DENOMINATOR = 5;

  /** XJ: committee candidates exceed the seats by at least 20 % (差额选举). */
  public static final int DIFFERENTIAL_PERCENT = 20;

  /** A 请示 may be filed from this many months before 换届 is due (earlier is 提前换届 by other means). */
  public static final int REQUEST_OPENS_MONTHS_BEFORE = 6;

  /** The 请示 is due one to two months before expiry: later than one month is flagged as late. */
  public static final int REQUEST_LATE_MONTHS_BEFORE = 1;

  public static final String TURNOUT_RULE = "turnout-not-above-four-fifths";
  public static final String BALLOTS_RULE = "more-ballots-than-voters";
  public static final String DIFFERENTIAL_RULE = "differential-below-twenty-percent";
  public static final String REQUEST_LATE = "election-request-late";
  public static final String FEWER_ELECTED = "fewer-elected-than-seats";

  private ElectionRules() {}

  /**
   * Voting rights: formal members in good standing. 预备党员 have no vote and cannot be elected;
   * members under 留党察看 or with suspended rights neither (XJ; {@link
   * MemberFlag#removesVotingRights}, the same base as {@code
   * MemberRepository.countEntitledVoters}).
   */
  public static boolean hasVote(MemberStage stage, MemberStatus status, Set<MemberFlag> flags) {
    return stage == MemberStage.FULL
        && status == MemberStatus.ACTIVE
        && flags.stream().noneMatch(MemberFlag::removesVotingRights);
  }

  /** A candidate must have the vote (the right to elect and to be elected go together). */
  public static void checkCandidate(MemberStage stage, MemberStatus status, Set<MemberFlag> flags) {
    if (!hasVote(stage, status, flags)) {
      throw ProblemException.businessRule(
          "only-full-members-with-rights", "committee.rule.only-full-members-with-rights");
    }
  }

  /** The fewest candidates for the seats: 20 % more, rounded up, and always more than the seats. */
  public static int minimumCandidates(int seats) {
    int withDifferential = (seats * (100 + DIFFERENTIAL_PERCENT) + 99) / 100;
    return Math.max(withDifferential, seats + 1);
  }

  public static void checkDifferential(int seats, int candidates) {
    if (seats < 1) {
      throw ProblemException.businessRule(
          "election-counts-inconsistent", "election.rule.counts-inconsistent");
    }
    if (candidates < minimumCandidates(seats)) {
      throw ProblemException.businessRule(
          DIFFERENTIAL_RULE,
          "election.rule.differential",
          candidates,
          seats,
          minimumCandidates(seats));
    }
  }

  /** Strictly more than four fifths of those entitled: 16 of 20 is not enough, 17 is. */
  public static boolean turnoutValid(int entitled, int present) {
    return (long) present * TURNOUT_DENOMINATOR > (long) entitled * TURNOUT_NUMERATOR;
  }

  /** More than half of the voters present (实到会), not of those entitled. */
  public static boolean hasMajority(int votes, int present) {
    return (long) votes * 2 > present;
  }

  /**
   * Counts that cannot be true are refused (422), whatever the outcome: nobody is present who is
   * not entitled, and no candidate has more votes than ballots.
   */
  public static void checkCounts(
      int entitled, int present, @Nullable Integer ballotsCast, Collection<Integer> votes) {
    int ballots = ballotsCast == null ? present : Math.min(ballotsCast, present);
    if (present < 0
        || present > entitled
        || (ballotsCast != null && ballotsCast < 0)
        || votes.stream().anyMatch(v -> v == null || v < 0 || v > ballots)) {
      throw ProblemException.businessRule(
          "election-counts-inconsistent", "election.rule.counts-inconsistent", entitled);
    }
  }

  /**
   * Why the election is invalid, if it is: turnout not above four fifths, or more ballots returned
   * than voters present (XJ: 收回的选票多于投票人数的，选举无效).
   */
  public static Optional<String> invalidity(
      int entitled, int present, @Nullable Integer ballotsCast) {
    if (!turnoutValid(entitled, present)) {
      return Optional.of(TURNOUT_RULE);
    }
    if (ballotsCast != null && ballotsCast > present) {
      return Optional.of(BALLOTS_RULE);
    }
    return Optional.empty();
  }

  /**
   * The elected, most votes first: candidates with more than half of those present, at most the
   * seats. A tie for the last seat needs another ballot between the tied (refused until recorded).
   */
  public static List<UUID> elected(Map<UUID, Integer> votes, int present, int seats) {
    List<Map.Entry<UUID, Integer>> majority =
        new ArrayList<>(
            votes.entrySet().stream().filter(e -> hasMajority(e.getValue(), present)).toList());
    majority.sort(Map.Entry.<UUID, Integer>comparingByValue(Comparator.reverseOrder()));
    if (majority.size() > seats
        && majority.get(seats - 1).getValue().equals(majority.get(seats).getValue())) {
      throw ProblemException.businessRule(
          "tie-needs-another-ballot", "election.rule.tie", majority.get(seats).getValue());
    }
    return majority.stream().limit(seats).map(Map.Entry::getKey).toList();
  }

  /**
   * The 请示 goes to the higher committee roughly one to two months before the term ends: it may be
   * filed from {@code opensMonthsBefore} before the due date; later than {@code lateMonthsBefore}
   * before it is allowed but flagged (the answer is whether it is late). With no term on record (a
   * first election) there is no window.
   */
  public static boolean checkRequestTiming(
      @Nullable LocalDate dueOn,
      LocalDate requestedOn,
      int opensMonthsBefore,
      int lateMonthsBefore) {
    if (dueOn == null) {
      return false;
    }
    if (requestedOn.isBefore(dueOn.minusMonths(opensMonthsBefore))) {
      throw ProblemException.businessRule(
          "election-request-too-early",
          "election.rule.request-too-early",
          dueOn,
          opensMonthsBefore,
          dueOn.minusMonths(opensMonthsBefore));
    }
    return requestedOn.isAfter(dueOn.minusMonths(lateMonthsBefore));
  }

  /**
   * The new committee elects its secretary (and deputy) from among the elected; both are then
   * reported for approval (DZ Art 31). Their eligibility (one year of standing for the secretary)
   * is {@link CommitteeRules#checkEligible}.
   */
  public static void checkOfficers(
      Collection<UUID> elected, UUID secretary, @Nullable UUID deputySecretary) {
    if (!elected.contains(secretary)
        || (deputySecretary != null
            && (!elected.contains(deputySecretary) || deputySecretary.equals(secretary)))) {
      throw ProblemException.businessRule(
          "secretary-from-the-elected", "election.rule.secretary-from-the-elected");
    }
  }

  /** Candidates in the order given, each once. */
  public static List<UUID> distinct(List<UUID> candidates) {
    Map<UUID, Boolean> seen = new LinkedHashMap<>();
    for (UUID c : candidates) {
      if (seen.put(c, Boolean.TRUE) != null) {
        throw ProblemException.businessRule(
            "one-candidacy-per-member", "election.rule.one-candidacy-per-member", c);
      }
    }
    return List.copyOf(seen.keySet());
  }

  /** The elected with their roles: the secretary, the deputy, the assignments, MEMBER otherwise. */
  static StartTerm newTerm(ElectionRound round, List<UUID> elected, ReportResult request) {
    Map<UUID, CommitteeRole> roles = new LinkedHashMap<>();
    elected.forEach(m -> roles.put(m, CommitteeRole.MEMBER));
    roles.put(request.secretaryMemberId(), CommitteeRole.SECRETARY);
    if (request.deputySecretaryMemberId() != null) {
      roles.put(request.deputySecretaryMemberId(), CommitteeRole.DEPUTY_SECRETARY);
    }
    for (Assignment a :
        request.assignments() == null ? List.<Assignment>of() : request.assignments()) {
      if (!elected.contains(a.memberId())
          || a.memberId().equals(request.secretaryMemberId())
          || a.memberId().equals(request.deputySecretaryMemberId())
          || a.role() == CommitteeRole.SECRETARY
          || a.role() == CommitteeRole.DEPUTY_SECRETARY) {
        throw ProblemException.businessRule(
            "roles-for-the-elected-only", "election.rule.roles-for-the-elected-only", a.memberId());
      }
      roles.put(a.memberId(), a.role());
    }
    List<Seat> seats = new ArrayList<>();
    // the secretary first, then in the order of votes
    seats.add(new Seat(request.secretaryMemberId(), CommitteeRole.SECRETARY));
    roles.forEach(
        (m, r) -> {
          if (r != CommitteeRole.SECRETARY) {
            seats.add(new Seat(m, r));
          }
        });
    return new StartTerm(
        round.getHeldOn(), request.termYears(), request.villageOrCommunity(), null, seats);
  }

  /** The problem for a round held invalid, with its turnout. */
  static ProblemException invalid(String rule, ElectionRound round) {
    return ProblemException.businessRule(
        rule, "election.rule.invalid." + rule, round.getPresent(), round.getEntitled());
  }
}
