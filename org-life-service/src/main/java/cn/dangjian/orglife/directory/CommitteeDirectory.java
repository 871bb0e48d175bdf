package cn.dangjian.orglife.directory;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.platform.projection.MemberEventsHook;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Who the branch secretaries are, learned from {@code committee.changed} (called by the member
 * projection once per event, in its transaction). The projection itself has no committee data.
 */
@NamedInterface("committees")
@Component
public class CommitteeDirectory implements MemberEventsHook {

  private final CommitteeStore store;
  private final Clock clock;

  CommitteeDirectory(CommitteeStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public void on(EventEnvelope<JsonNode> envelope) {
    if (!EventTypes.COMMITTEE_CHANGED.equals(envelope.type())) {
      return;
    }
    JsonNode p = envelope.payload();
    UUID orgId = UUID.fromString(p.get("orgId").asString());
    JsonNode sec = p.get("secretaryMemberId");
    UUID secretary = sec == null || sec.isNull() ? null : UUID.fromString(sec.asString());
    int seats = p.has("seats") ? p.get("seats").asInt() : 0;
    store.save(orgId, secretary, seats, clock.instant());
    // dated by the change itself (older events: the term's start), so a meeting finds its seats
    LocalDate validFrom = date(p, "effectiveOn");
    if (validFrom == null) {
      validFrom = date(p, "termStartedOn");
    }
    if (validFrom != null) {
      List<UUID> members = null;
      JsonNode ids = p.get("memberIds");
      if (ids != null && ids.isArray()) {
        members = new ArrayList<>();
        for (JsonNode id : ids) {
          members.add(UUID.fromString(id.asString()));
        }
      }
      store.saveHistory(orgId, validFrom, seats, members, clock.instant());
    }
  }

  private static LocalDate date(JsonNode payload, String field) {
    JsonNode value = payload.get(field);
    return value == null || value.isNull() ? null : LocalDate.parse(value.asString());
  }

  /**
   * A committee as it stood from a day on.
   *
   * @param memberIds who sat on it; null when member-service did not say (events before the field)
   */
  public record Committee(LocalDate validFrom, int seats, Set<UUID> memberIds) {}

  /** The committee of an org on a day, if member-service reported one in force then. */
  public Optional<Committee> committeeOn(UUID orgId, LocalDate day) {
    return store.committeeOn(orgId, day);
  }

  /** Which of the members are sitting secretaries. */
  public Set<UUID> secretariesAmong(Collection<UUID> members) {
    return members.isEmpty() ? new HashSet<>() : store.secretariesAmong(List.copyOf(members));
  }

  /**
   * Members who sat on a committee in the year: the expected attendees of its 支委会 (the only place
   * this service learns committee membership).
   */
  public Set<UUID> committeeMembersAmong(Collection<UUID> members, int year) {
    return members.isEmpty()
        ? new HashSet<>()
        : store.committeeMembersAmong(List.copyOf(members), year);
  }
}
