package cn.dangjian.alert.rules;

import java.util.Set;
import java.util.UUID;

/**
 * One branch's 谈心谈话 as the coverage rule needs it, for one year.
 *
 * @param committee the committee's members (committee.changed memberIds)
 * @param members the branch's active admitted members
 * @param talked the pairs that talked this year, as {@link #pair} keys
 */
public record TalkFacts(Set<UUID> committee, Set<UUID> members, Set<String> talked) {

  public TalkFacts {
    committee = Set.copyOf(committee);
    members = Set.copyOf(members);
    talked = Set.copyOf(talked);
  }

  /** The unordered pair's key: who talked to whom does not matter. */
  public static String pair(UUID a, UUID b) {
    return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
  }
}
