package cn.dangjian.member.statistics;

import cn.dangjian.member.statistics.ReadModelStore.BranchChange;
import cn.dangjian.member.statistics.ReadModelStore.FlowRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The read model's changes from one batch of events, kept in memory and written at once: member and
 * org timelines, netted figure changes, flows, remembered facts and branch scores.
 */
final class ReadModelBatch {

  private final ReadModelStore store;
  private final Map<UUID, Timeline<MemberState>> members = new HashMap<>();
  private final Map<UUID, Timeline<OrgState>> orgs = new HashMap<>();
  private final CellDeltas cells = new CellDeltas();
  private final List<FlowRow> flows = new ArrayList<>();
  private final Map<String, String> seen = new HashMap<>();
  private final Set<String> seenLoaded = new HashSet<>();
  private final Map<String, String> remembered = new HashMap<>();
  private final Map<UUID, BranchChange> branches = new HashMap<>();

  ReadModelBatch(ReadModelStore store) {
    this.store = store;
  }

  /** Loads the open states of these subjects in two queries instead of one per event. */
  void preload(Collection<UUID> memberIds, Collection<UUID> orgIds) {
    List<UUID> newMembers = memberIds.stream().filter(id -> !members.containsKey(id)).toList();
    Map<UUID, MemberState> storedMembers = store.openMembers(newMembers);
    for (UUID id : newMembers) {
      members.put(id, memberTimeline(storedMembers.get(id)));
    }
    List<UUID> newOrgs = orgIds.stream().filter(id -> !orgs.containsKey(id)).toList();
    Map<UUID, OrgState> storedOrgs = store.openOrgs(newOrgs);
    for (UUID id : newOrgs) {
      orgs.put(id, orgTimeline(storedOrgs.get(id)));
    }
  }

  @Nullable MemberState member(UUID id) {
    preload(List.of(id), List.of());
    return members.get(id).current();
  }

  @Nullable OrgState org(UUID id) {
    preload(List.of(), List.of(id));
    return orgs.get(id).current();
  }

  /** Every member and org whose open state lies under a path (an org move), as stored. */
  void preloadUnder(String pathPrefix) {
    for (MemberState s : store.openMembersUnder(pathPrefix)) {
      members.putIfAbsent(s.memberId(), memberTimeline(s));
    }
    for (OrgState s : store.openOrgsUnder(pathPrefix)) {
      orgs.putIfAbsent(s.orgId(), orgTimeline(s));
    }
  }

  Collection<MemberState> currentMembers() {
    return members.values().stream().map(Timeline::current).filter(s -> s != null).toList();
  }

  Collection<OrgState> currentOrgs() {
    return orgs.values().stream().map(Timeline::current).filter(s -> s != null).toList();
  }

  /**
   * A member's next state from a day on; the figures move from the old state's categories to the
   * new one's.
   *
   * @return the state as recorded (day clamped), or null when nothing changed
   */
  @Nullable MemberState change(@Nullable MemberState before, MemberState next, LocalDate on) {
    Timeline<MemberState> t = members.computeIfAbsent(next.memberId(), id -> memberTimeline(null));
    MemberState dated = t.change(next, on);
    if (dated != null) {
      if (before == null) {
        cells.add(dated.orgPath(), StatRules.memberCells(dated), dated.validFrom(), +1);
      } else {
        cells.transition(
            before.orgPath(),
            StatRules.memberCells(before),
            dated.orgPath(),
            StatRules.memberCells(dated),
            dated.validFrom());
      }
    }
    return dated;
  }

  @Nullable OrgState change(@Nullable OrgState before, OrgState next, LocalDate on) {
    Timeline<OrgState> t = orgs.computeIfAbsent(next.orgId(), id -> orgTimeline(null));
    OrgState dated = t.change(next, on);
    if (dated != null) {
      if (before == null) {
        cells.add(dated.path(), StatRules.orgCells(dated), dated.validFrom(), +1);
      } else {
        cells.transition(
            before.path(),
            StatRules.orgCells(before),
            dated.path(),
            StatRules.orgCells(dated),
            dated.validFrom());
      }
    }
    return dated;
  }

  /** A flow: its record for the drill-down and its count at the given orgs. */
  void flow(FlowRow row, List<UUID> countedAt, List<String> vals) {
    flows.add(row);
    for (String val : vals) {
      cells.addAt(countedAt, new Cell(row.kind(), val), row.on(), +1);
    }
  }

  /** An activity figure counted at every org of a path. */
  void count(String path, String dim, String val, LocalDate on, long amount) {
    cells.add(path, List.of(new Cell(dim, val)), on, amount);
  }

  /** What is remembered under a key ("" when remembered without a value), null if never. */
  @Nullable String seen(String key) {
    if (!seen.containsKey(key) && seenLoaded.add(key)) {
      seen.putAll(store.seen(List.of(key)));
    }
    return seen.get(key);
  }

  void remember(String key, String value) {
    seenLoaded.add(key);
    seen.put(key, value);
    remembered.put(key, value);
  }

  void preloadSeen(Collection<String> keys) {
    List<String> fresh = keys.stream().filter(seenLoaded::add).toList();
    if (!fresh.isEmpty()) {
      seen.putAll(store.seen(fresh));
    }
  }

  void branch(UUID orgId, String path, int openAlerts, @Nullable String grade) {
    branches.merge(orgId, new BranchChange(path, openAlerts, grade), BranchChange::plus);
  }

  /** Writes everything and starts empty (an org move reads what was written before it). */
  void flush() {
    store.saveMembers(members.values());
    store.saveOrgs(orgs.values());
    store.saveCells(cells.netted());
    store.saveFlows(flows);
    store.saveSeen(remembered);
    store.saveBranches(branches);
    members.clear();
    orgs.clear();
    cells.clear();
    flows.clear();
    seen.clear();
    remembered.clear();
    seenLoaded.clear();
    branches.clear();
  }

  private static Timeline<MemberState> memberTimeline(@Nullable MemberState stored) {
    return new Timeline<>(stored, MemberState::validFrom, MemberState::at, MemberState::sameFacts);
  }

  private static Timeline<OrgState> orgTimeline(@Nullable OrgState stored) {
    return new Timeline<>(stored, OrgState::validFrom, OrgState::at, OrgState::sameFacts);
  }
}
