package cn.dangjian.member.statistics;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.CommitteeChanged;
import cn.dangjian.events.member.DevelopmentStepRecorded;
import cn.dangjian.events.member.MemberClassified;
import cn.dangjian.events.member.MemberFlagChanged;
import cn.dangjian.events.member.MemberRegistered;
import cn.dangjian.events.member.MemberStatusChanged;
import cn.dangjian.events.member.MemberUpdated;
import cn.dangjian.events.member.Occupation;
import cn.dangjian.events.member.OrgClassified;
import cn.dangjian.events.member.OrgCreated;
import cn.dangjian.events.member.OrgDissolved;
import cn.dangjian.events.member.OrgMoved;
import cn.dangjian.events.member.OrgRenamed;
import cn.dangjian.events.member.TransferChanged;
import cn.dangjian.member.statistics.ReadModelStore.FlowRow;
import cn.dangjian.platform.events.EventEnvelopeReader;
import cn.dangjian.platform.time.PartyCalendar;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * member.events into the read model: who is where in which categories from which day, and the flows
 * a change of state means (发展, 转正, 转入, 转出, 减少 by each way of leaving).
 */
@Component
class MemberFactsApplier {

  private static final Logger log = LoggerFactory.getLogger(MemberFactsApplier.class);

  /** Classifications that arrived before their registration or creation, by subject. */
  static final String PENDING_MEMBER = "classified:";

  static final String PENDING_ORG = "org-classified:";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final EventEnvelopeReader reader;

  MemberFactsApplier(EventEnvelopeReader reader) {
    this.reader = reader;
  }

  /** The member (first) and org (second) an event is about, to load them with the batch. */
  static boolean isOrgEvent(String type) {
    return type.startsWith("org.") || type.startsWith("committee.");
  }

  void apply(ReadModelBatch batch, EventEnvelope<JsonNode> e) {
    LocalDate day = PartyCalendar.dayOf(e.occurredAt());
    switch (e.type()) {
      case EventTypes.MEMBER_REGISTERED -> registered(batch, e, day);
      case EventTypes.MEMBER_CLASSIFIED -> {
        MemberClassified p = reader.payload(e, MemberClassified.class);
        MemberState s = batch.member(p.memberId());
        if (s != null) {
          batch.change(s, classified(s, p), day);
        } else {
          // published in the registration's transaction, it may reach the topic first
          batch.remember(PENDING_MEMBER + p.memberId(), JSON.writeValueAsString(p));
        }
      }
      case EventTypes.MEMBER_UPDATED -> {
        MemberUpdated p = reader.payload(e, MemberUpdated.class);
        MemberState s = known(batch, p.memberId());
        if (s != null && p.stage() != null) {
          batch.change(s, s.withStage(p.stage(), s.fullSince()), day);
        }
      }
      case EventTypes.MEMBER_STATUS_CHANGED -> {
        MemberStatusChanged p = reader.payload(e, MemberStatusChanged.class);
        MemberState s = known(batch, p.memberId());
        if (s != null) {
          changeWithFlows(batch, s, s.withStatus(p.toStatus()), p.effectiveOn());
        }
      }
      case EventTypes.MEMBER_FLAG_CHANGED -> {
        MemberFlagChanged p = reader.payload(e, MemberFlagChanged.class);
        MemberState s = known(batch, p.memberId());
        if (s != null) {
          batch.change(s, s.withFlag(p.flag(), p.active()), p.active() ? p.startedOn() : day);
        }
      }
      case EventTypes.MEMBER_DEVELOPMENT_STEP -> {
        DevelopmentStepRecorded p = reader.payload(e, DevelopmentStepRecorded.class);
        MemberState s = known(batch, p.memberId());
        if (s != null) {
          String fullSince =
              p.fullMemberDate() == null
                  ? s.fullSince()
                  : YearMonth.from(p.fullMemberDate()).toString();
          changeWithFlows(batch, s, s.withStage(p.stage(), fullSince), p.doneOn());
        }
      }
      case EventTypes.MEMBER_TRANSFER_CHANGED -> transfer(batch, e);
      case EventTypes.ORG_CREATED -> {
        OrgCreated p = reader.payload(e, OrgCreated.class);
        if (batch.org(p.orgId()) == null) {
          OrgState o = OrgState.created(p.orgId(), day, p.path(), p.name(), p.orgType());
          String pending = batch.seen(PENDING_ORG + p.orgId());
          if (pending != null && !pending.isEmpty()) {
            String[] unit = pending.split("\\|", 2);
            o = o.classified(unit[0], unit[1]);
            batch.remember(PENDING_ORG + p.orgId(), "");
          }
          batch.change(null, o, day);
        }
      }
      case EventTypes.ORG_CLASSIFIED -> {
        OrgClassified p = reader.payload(e, OrgClassified.class);
        OrgState o = batch.org(p.orgId());
        if (o != null) {
          batch.change(o, o.classified(p.unitType(), p.affiliation()), day);
        } else {
          batch.remember(PENDING_ORG + p.orgId(), p.unitType() + "|" + p.affiliation());
        }
      }
      case EventTypes.ORG_RENAMED -> {
        OrgRenamed p = reader.payload(e, OrgRenamed.class);
        OrgState o = batch.org(p.orgId());
        if (o != null) {
          batch.change(o, o.named(p.name()), day);
        }
      }
      case EventTypes.COMMITTEE_CHANGED -> {
        CommitteeChanged p = reader.payload(e, CommitteeChanged.class);
        OrgState o = batch.org(p.orgId());
        if (o != null) {
          String due = p.dueOn() == null ? null : YearMonth.from(p.dueOn()).toString();
          batch.change(
              o,
              o.withCommittee(p.seats() > 0, due),
              p.effectiveOn() == null ? day : p.effectiveOn());
        }
      }
      case EventTypes.ORG_DISSOLVED -> {
        OrgDissolved p = reader.payload(e, OrgDissolved.class);
        OrgState o = batch.org(p.orgId());
        if (o != null) {
          batch.change(o, o.dissolve(), p.dissolvedOn());
        }
      }
      case EventTypes.ORG_MOVED -> moved(batch, reader.payload(e, OrgMoved.class), day);
      default -> {
        // approvals, sanctions, elections, mobile certificates…: not figures of the report
      }
    }
  }

  private void registered(ReadModelBatch batch, EventEnvelope<JsonNode> e, LocalDate day) {
    MemberRegistered p = reader.payload(e, MemberRegistered.class);
    if (batch.member(p.memberId()) != null) {
      return;
    }
    String path = e.orgPath();
    if (path == null) {
      OrgState org = batch.org(p.orgId());
      if (org == null) {
        log.warn("member {} registered in an org the statistics do not know", p.memberId());
        return;
      }
      path = org.path();
    }
    String fullSince =
        p.fullMemberDate() == null ? null : YearMonth.from(p.fullMemberDate()).toString();
    MemberState s =
        MemberState.registered(p.memberId(), day, p.orgId(), path, p.stage())
            .withStage(p.stage(), fullSince);
    String pending = batch.seen(PENDING_MEMBER + p.memberId());
    if (pending != null && !pending.isEmpty()) {
      s = classified(s, JSON.readValue(pending, MemberClassified.class));
      batch.remember(PENDING_MEMBER + p.memberId(), "");
    }
    batch.change(null, s, day);
  }

  private void transfer(ReadModelBatch batch, EventEnvelope<JsonNode> e) {
    TransferChanged p = reader.payload(e, TransferChanged.class);
    if (!"RECEIVED".equals(p.status())) {
      return;
    }
    MemberState s = known(batch, p.memberId());
    if (s == null || !StatRules.PARTY_STAGES.contains(s.stage())) {
      return;
    }
    switch (p.direction()) {
      case "INTERNAL" -> {
        String from = s.orgPath();
        String to = p.memberOrgPath();
        MemberState moved = batch.change(s, s.inOrg(p.toOrgId(), to), p.effectiveOn());
        if (moved != null) {
          List<UUID> fromOrgs = StatRules.ancestors(from);
          List<UUID> toOrgs = StatRules.ancestors(to);
          LocalDate on = moved.validFrom();
          batch.flow(
              flow(moved, "TRANSFERRED_OUT", "ALL", on, from, to),
              minus(fromOrgs, toOrgs),
              List.of("ALL"));
          batch.flow(
              flow(moved, "TRANSFERRED_IN", "ALL", on, from, to),
              minus(toOrgs, fromOrgs),
              List.of("ALL"));
        }
      }
      case "OUTBOUND" ->
          changeWithFlows(batch, s, s.withStatus("TRANSFERRED_OUT"), p.effectiveOn());
      case "INBOUND" -> {
        LocalDate on = s.validFrom().isAfter(p.effectiveOn()) ? s.validFrom() : p.effectiveOn();
        batch.flow(
            flow(s, "TRANSFERRED_IN", "ALL", on, null, s.orgPath()),
            StatRules.ancestors(s.orgPath()),
            List.of("ALL"));
      }
      default -> {
        // a direction added later counts nowhere until it is understood
      }
    }
  }

  /** A change of stage or status, and the flow it is: 发展, 转正, 转出 or 减少. */
  private void changeWithFlows(
      ReadModelBatch batch, MemberState before, MemberState next, LocalDate on) {
    MemberState after = batch.change(before, next, on);
    if (after == null) {
      return;
    }
    LocalDate day = after.validFrom();
    String path = before.orgPath();
    List<UUID> everywhere = StatRules.ancestors(path);
    boolean wasMember =
        StatRules.PARTY_STAGES.contains(before.stage())
            && ("ACTIVE".equals(before.status()) || "SUSPENDED".equals(before.status()));
    if (StatRules.PIPELINE_STAGES.contains(before.stage())
        && "PROBATIONARY".equals(after.stage())) {
      List<String> vals = new ArrayList<>(List.of("ALL"));
      FlowRow row = flow(after, "DEVELOPED", "ALL", day, null, path);
      if (row.female()) {
        vals.add("FEMALE");
      }
      if (row.under35()) {
        vals.add("UNDER_35");
      }
      if (row.frontLine()) {
        vals.add("FRONT_LINE");
      }
      batch.flow(row, everywhere, vals);
    } else if ("PROBATIONARY".equals(before.stage()) && "FULL".equals(after.stage())) {
      batch.flow(flow(after, "CONVERTED", "ALL", day, null, path), everywhere, List.of("ALL"));
    }
    if (wasMember && !before.status().equals(after.status())) {
      if ("TRANSFERRED_OUT".equals(after.status())) {
        batch.flow(
            flow(after, "TRANSFERRED_OUT", "ALL", day, path, null), everywhere, List.of("ALL"));
      } else if (StatRules.LEAVING_STATUSES.contains(after.status())) {
        batch.flow(
            flow(after, "LEFT", after.status(), day, path, null),
            everywhere,
            List.of(after.status()));
      }
    }
  }

  private void moved(ReadModelBatch batch, OrgMoved p, LocalDate day) {
    batch.flush();
    batch.preloadUnder(p.oldPath());
    for (OrgState o : batch.currentOrgs()) {
      if (o.path().startsWith(p.oldPath())) {
        batch.change(o, o.withPath(p.newPath() + o.path().substring(p.oldPath().length())), day);
      }
    }
    for (MemberState m : batch.currentMembers()) {
      if (m.orgPath().startsWith(p.oldPath())) {
        String path = p.newPath() + m.orgPath().substring(p.oldPath().length());
        batch.change(m, m.inOrg(m.orgId(), path), day);
      }
    }
    batch.flush();
  }

  private static MemberState classified(MemberState s, MemberClassified p) {
    return s.classified(
        p.gender(), p.ethnicity(), p.birthMonth(), p.educationLevel(), p.occupation());
  }

  private static @Nullable MemberState known(ReadModelBatch batch, UUID memberId) {
    MemberState s = batch.member(memberId);
    if (s == null) {
      // the registration is older than the topic's retention or not replayed yet
      log.warn("member event for a member the statistics do not know: {}", memberId);
    }
    return s;
  }

  private static FlowRow flow(
      MemberState s,
      String kind,
      String val,
      LocalDate on,
      @Nullable String fromPath,
      @Nullable String toPath) {
    boolean frontLine;
    try {
      frontLine = Occupation.valueOf(s.occupation()).frontLine();
    } catch (IllegalArgumentException unknown) {
      frontLine = false;
    }
    return new FlowRow(
        s.memberId(),
        kind,
        val,
        on,
        fromPath,
        toPath,
        "FEMALE".equals(s.gender()),
        StatRules.under35(s.birthMonth(), on),
        frontLine);
  }

  private static List<UUID> minus(List<UUID> all, List<UUID> except) {
    return all.stream().filter(id -> !except.contains(id)).toList();
  }
}
