package cn.dangjian.member.statistics;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.CommitteeChanged;
import cn.dangjian.events.member.DevelopmentStepRecorded;
import cn.dangjian.events.member.EducationLevel;
import cn.dangjian.events.member.MemberClassified;
import cn.dangjian.events.member.MemberFlagChanged;
import cn.dangjian.events.member.MemberRegistered;
import cn.dangjian.events.member.MemberStatusChanged;
import cn.dangjian.events.member.Occupation;
import cn.dangjian.events.member.OrgClassified;
import cn.dangjian.events.member.OrgCreated;
import cn.dangjian.events.member.TransferChanged;
import cn.dangjian.events.member.UnitType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A random year of a small county (a committee, two township committees, six branches): members
 * registered, classified, developed, converted, transferred, flagged and leaving, as events in time
 * order, with an independent tally of who is what at each month-end to check figures with.
 */
final class PartySimulation {

  /** One person as the simulation knows them (mutable: the tally's own bookkeeping). */
  static final class Person {
    UUID id = UUID.randomUUID();
    UUID org;
    String stage;
    String status = "ACTIVE";
    String gender;
    boolean mobile;
  }

  static final String[] PIPELINE = {"APPLICANT", "ACTIVIST", "DEVELOPMENT_TARGET"};
  static final String[] LEAVING = {"STRUCK_OFF", "DECEASED", "WITHDRAWN", "SUSPENDED"};

  final UUID root = UUID.randomUUID();
  final UUID townA = UUID.randomUUID();
  final UUID townB = UUID.randomUUID();
  final List<UUID> branches = new ArrayList<>();
  final Map<UUID, String> paths = new HashMap<>();
  final List<Person> people = new ArrayList<>();
  final List<EventEnvelope<JsonNode>> events = new ArrayList<>();
  final Map<YearMonth, List<Person>> monthEnds = new HashMap<>();
  final Map<String, Integer> flows = new HashMap<>();
  private final Random random;

  PartySimulation(long seed) {
    this.random = new Random(seed);
  }

  PartySimulation run(YearMonth first, YearMonth last) {
    LocalDate start = first.atDay(1);
    org(root, null, "模拟县委", "PARTY_COMMITTEE", start);
    org(townA, root, "甲镇党委", "PARTY_COMMITTEE", start);
    org(townB, root, "乙镇党委", "PARTY_COMMITTEE", start);
    for (int i = 0; i < 6; i++) {
      UUID b = UUID.randomUUID();
      branches.add(b);
      org(b, i < 3 ? townA : townB, "第" + (i + 1) + "党支部", "BRANCH", start);
      if (i % 2 == 0) {
        LocalDate due = first.plusMonths(2 + i).atDay(1);
        add(
            EventTypes.COMMITTEE_CHANGED,
            start,
            b,
            paths.get(b),
            new CommitteeChanged(
                b, UUID.randomUUID(), due.minusYears(3), due, due, null, start, 3));
      }
    }
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      for (Person p : List.copyOf(people)) {
        change(p, m);
      }
      for (int i = 0; i < 12; i++) {
        register(m);
      }
      monthEnds.put(m, people.stream().map(PartySimulation::copy).toList());
    }
    return this;
  }

  private void org(UUID id, UUID parent, String name, String type, LocalDate on) {
    String path = (parent == null ? "/" : paths.get(parent)) + id + "/";
    paths.put(id, path);
    add(EventTypes.ORG_CREATED, on, id, path, new OrgCreated(id, parent, name, type, path));
    UnitType unit = UnitType.values()[random.nextInt(UnitType.values().length)];
    add(EventTypes.ORG_CLASSIFIED, on, id, path, new OrgClassified(id, unit.name(), "COUNTY"));
  }

  private void register(YearMonth m) {
    Person p = new Person();
    p.org = branches.get(random.nextInt(branches.size()));
    int r = random.nextInt(10);
    p.stage = r < 4 ? "FULL" : r < 6 ? "PROBATIONARY" : PIPELINE[random.nextInt(3)];
    p.gender = random.nextBoolean() ? "FEMALE" : "MALE";
    LocalDate on = day(m);
    LocalDate full = "FULL".equals(p.stage) ? LocalDate.of(1975 + random.nextInt(50), 7, 1) : null;
    String path = paths.get(p.org);
    add(
        EventTypes.MEMBER_REGISTERED,
        on,
        p.id,
        path,
        new MemberRegistered(p.id, p.org, p.stage, "EMPLOYED", null, full));
    String birth = YearMonth.of(1945 + random.nextInt(60), 1 + random.nextInt(12)).toString();
    add(
        EventTypes.MEMBER_CLASSIFIED,
        on,
        p.id,
        path,
        new MemberClassified(
            p.id,
            p.org,
            p.gender,
            random.nextInt(5) == 0 ? "回族" : random.nextInt(8) == 0 ? null : "汉族",
            random.nextInt(10) == 0 ? null : birth,
            EducationLevel.values()[random.nextInt(EducationLevel.values().length)].name(),
            Occupation.values()[random.nextInt(Occupation.values().length)].name()));
    people.add(p);
  }

  /** At most one change per person and month, after their registration month. */
  private void change(Person p, YearMonth m) {
    if (!"ACTIVE".equals(p.status) || random.nextInt(3) != 0) {
      return;
    }
    LocalDate on = day(m);
    String path = paths.get(p.org);
    int r = random.nextInt(10);
    int pipelineStep = List.of(PIPELINE).indexOf(p.stage);
    if (pipelineStep >= 0 && r < 6) {
      String next = pipelineStep == 2 ? "PROBATIONARY" : PIPELINE[pipelineStep + 1];
      if ("PROBATIONARY".equals(next)) {
        count("DEVELOPED");
      }
      add(
          EventTypes.MEMBER_DEVELOPMENT_STEP,
          on,
          p.id,
          path,
          new DevelopmentStepRecorded(
              p.id, p.org, "STEP", 10, on, next, null, null, null, null, null, null));
      p.stage = next;
    } else if ("PROBATIONARY".equals(p.stage) && r < 6) {
      count("CONVERTED");
      add(
          EventTypes.MEMBER_DEVELOPMENT_STEP,
          on,
          p.id,
          path,
          new DevelopmentStepRecorded(
              p.id,
              p.org,
              "CONVERSION_APPROVED",
              24,
              on,
              "FULL",
              null,
              null,
              null,
              on,
              null,
              null));
      p.stage = "FULL";
    } else if (pipelineStep < 0 && r < 7) {
      UUID to = branches.get(random.nextInt(branches.size()));
      if (to.equals(p.org)) {
        return;
      }
      add(
          EventTypes.MEMBER_TRANSFER_CHANGED,
          on,
          p.id,
          path,
          new TransferChanged(
              UUID.randomUUID(), p.id, "INTERNAL", p.org, to, "RECEIVED", on, null, paths.get(to)));
      if (!ancestor(p.org).equals(ancestor(to))) {
        count("TRANSFERRED_BETWEEN_TOWNS");
      }
      p.org = to;
    } else if (pipelineStep < 0 && r < 9) {
      p.mobile = !p.mobile;
      add(
          EventTypes.MEMBER_FLAG_CHANGED,
          on,
          p.id,
          path,
          new MemberFlagChanged(p.id, p.org, "MOBILE", p.mobile, on, null));
    } else if (pipelineStep < 0) {
      String status = LEAVING[random.nextInt(LEAVING.length)];
      if (!"SUSPENDED".equals(status)) {
        count("LEFT_" + status);
      }
      add(
          EventTypes.MEMBER_STATUS_CHANGED,
          on,
          p.id,
          path,
          new MemberStatusChanged(p.id, p.org, "ACTIVE", status, on));
      p.status = status;
    }
  }

  UUID ancestor(UUID branch) {
    return branches.indexOf(branch) < 3 ? townA : townB;
  }

  private void count(String flow) {
    flows.merge(flow, 1, Integer::sum);
  }

  private LocalDate day(YearMonth m) {
    return m.atDay(1 + random.nextInt(m.lengthOfMonth()));
  }

  private void add(String type, LocalDate on, UUID subject, String path, Object payload) {
    events.add(StatEvents.envelope(type, on, subject.toString(), path, payload));
  }

  private static Person copy(Person p) {
    Person c = new Person();
    c.id = p.id;
    c.org = p.org;
    c.stage = p.stage;
    c.status = p.status;
    c.gender = p.gender;
    c.mobile = p.mobile;
    return c;
  }
}
