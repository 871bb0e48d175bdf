package cn.dangjian.orglife.talk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Heart-to-heart talk coverage (ZB ch.5: committee members among themselves, committee members with
 * members, members with members, each at least once a year). Read as: every pair of committee
 * members talked; every ordinary member talked with at least one committee member; every ordinary
 * member talked with at least one other ordinary member (when the branch has two or more).
 */
public final class TalkRules {

  private TalkRules() {}

  public record Pair(UUID a, UUID b) {
    public static Pair of(UUID x, UUID y) {
      return x.compareTo(y) <= 0 ? new Pair(x, y) : new Pair(y, x);
    }
  }

  public static PairKind kindOf(boolean aCommittee, boolean bCommittee) {
    if (aCommittee && bCommittee) {
      return PairKind.COMMITTEE_COMMITTEE;
    }
    return aCommittee || bCommittee ? PairKind.COMMITTEE_MEMBER : PairKind.MEMBER_MEMBER;
  }

  /** What is still missing for the year. */
  public record Coverage(
      int requiredCommitteePairs,
      List<Pair> missingCommitteePairs,
      int membersNeedingCommitteeTalk,
      List<UUID> membersWithoutCommitteeTalk,
      int membersNeedingMemberTalk,
      List<UUID> membersWithoutMemberTalk) {

    public int required() {
      return requiredCommitteePairs + membersNeedingCommitteeTalk + membersNeedingMemberTalk;
    }

    public int missing() {
      return missingCommitteePairs.size()
          + membersWithoutCommitteeTalk.size()
          + membersWithoutMemberTalk.size();
    }

    public double rate() {
      return required() == 0
          ? 1.0
          : Math.round((required() - missing()) * 1000.0 / required()) / 1000.0;
    }
  }

  public static Coverage coverage(
      Collection<UUID> committee, Collection<UUID> members, Collection<Pair> talks) {
    Set<UUID> c = new HashSet<>(committee);
    List<UUID> ordinary = members.stream().filter(m -> !c.contains(m)).sorted().toList();
    Set<Pair> done = new HashSet<>(talks);
    List<UUID> cs = c.stream().sorted().toList();
    List<Pair> missingPairs = new ArrayList<>();
    for (int i = 0; i < cs.size(); i++) {
      for (int j = i + 1; j < cs.size(); j++) {
        Pair p = Pair.of(cs.get(i), cs.get(j));
        if (!done.contains(p)) {
          missingPairs.add(p);
        }
      }
    }
    Set<UUID> talkedWithCommittee = new HashSet<>();
    Set<UUID> talkedWithMember = new HashSet<>();
    Set<UUID> ord = new HashSet<>(ordinary);
    for (Pair p : done) {
      if (ord.contains(p.a()) && c.contains(p.b())) {
        talkedWithCommittee.add(p.a());
      }
      if (ord.contains(p.b()) && c.contains(p.a())) {
        talkedWithCommittee.add(p.b());
      }
      if (ord.contains(p.a()) && ord.contains(p.b())) {
        talkedWithMember.add(p.a());
        talkedWithMember.add(p.b());
      }
    }
    boolean committeeExists = !c.isEmpty();
    boolean memberTalksPossible = ordinary.size() >= 2;
    return new Coverage(
        cs.size() * (cs.size() - 1) / 2,
        missingPairs,
        committeeExists ? ordinary.size() : 0,
        committeeExists
            ? ordinary.stream().filter(m -> !talkedWithCommittee.contains(m)).toList()
            : List.of(),
        memberTalksPossible ? ordinary.size() : 0,
        memberTalksPossible
            ? ordinary.stream().filter(m -> !talkedWithMember.contains(m)).toList()
            : List.of());
  }
}
