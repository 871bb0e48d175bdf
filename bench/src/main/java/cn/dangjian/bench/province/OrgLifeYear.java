package cn.dangjian.bench.province;

import cn.dangjian.bench.ProvinceTree;
import cn.dangjian.bench.UuidV7s;
import cn.dangjian.bench.orglife.OrgLifeBench;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * org-life-service's year (December 2025 – November 2026) of 三会一课 as planning, recording,
 * submitting and approving leave it: per branch 支委会 and 主题党日 monthly, 支部党员大会 and 党课 quarterly (in
 * February, May, August and November), with attendance for each expected member and the per-month
 * approval counts ({@code compliance_count}). 党小组会 is not generated: the tree has no party groups
 * (PARTY_GROUP orgs hold them). So that compliance and alerts have something to find, 2 % of the
 * branches are weak (miss 40 % of their meetings), the others miss 2–3 %; 2 % of the members stop
 * attending (无故缺席) from a month between June and September; November's records are 70 % approved,
 * 20 % submitted and 10 % only recorded. The expected roster is the service's: admitted active
 * members of the branch who had joined by the day (支委会: a committee of the branch's first five full
 * members), voting rights for full members.
 */
final class OrgLifeYear {

  private static final String[] MONTHLY = {"COMMITTEE_MEETING", "THEMED_PARTY_DAY"};
  private static final String[] QUARTERLY = {"BRANCH_GENERAL_MEETING", "PARTY_LECTURE"};
  private static final String[] QUARTER_NAMES = {"第一", "第二", "第三", "第四"};
  private static final String[] ABSENCE = {
    "LEAVE", "LEAVE", "ILLNESS", "WORK", "WORK", "MOBILE_ELSEWHERE"
  };
  private static final String[] THEMES = {
    "学习贯彻党的二十大精神", "重温入党誓词", "志愿服务进社区", "学习党章党规", "红色教育基地参观", "廉政警示教育", "乡村振兴调研", "岗位建功主题实践"
  };
  private static final String[] TOPICS = {
    "新时代党员的初心使命", "全面从严治党永远在路上", "以高质量党建引领高质量发展", "发扬斗争精神", "践行全心全意为人民服务的宗旨"
  };
  private static final String[] PHRASES = {
    "会议传达学习了上级党组织有关文件精神", "与会党员结合自身工作实际进行了交流发言", "支部书记对近期工作进行了总结",
    "会议研究部署了下阶段重点任务", "大家一致表示要立足岗位发挥先锋模范作用", "会议通报了党费收缴情况",
    "会议讨论了发展党员工作计划", "会议对照检查查摆了存在的问题", "会议研究了困难党员帮扶事项",
    "与会同志围绕主题开展了深入讨论", "会议学习了典型案例并开展警示教育", "会议安排了志愿服务活动"
  };

  private OrgLifeYear() {}

  static void write(ProvinceMembers register, Loading loading, long seed) throws Exception {
    ProvinceTree tree = register.tree;
    List<Integer> branches = tree.branches();
    Map<String, Integer> counts = new HashMap<>();
    Map<java.util.UUID, ProvinceTree.OrgRow> byId = new HashMap<>();
    for (ProvinceTree.OrgRow o : tree.orgs()) {
      byId.put(o.id(), o);
    }
    Progress progress =
        new Progress(
            loading.label("meetings"),
            (long) branches.size() * ProvinceGenerator.MONTHS,
            "branch-months");
    try (BatchWriter meetings =
            loading.writer(
                "meeting",
                "id, org_id, org_path, parent_path, org_type, meeting_type, status, title,"
                    + " starts_at, ends_at, held_on, place, minutes, theme, lecturer, topic,"
                    + " host_member_id, recorder_member_id, expected_count, actual_count,"
                    + " voting_entitled, training_tenths, record_version, minhash, planned_by,"
                    + " recorded_by, first_recorded_at, submitted_by, submitted_at, reviewed_by,"
                    + " reviewed_at, counted_month, created_at, updated_at, version",
                1,
                null);
        BatchWriter attendance =
            loading.writer(
                "meeting_attendance",
                "id, meeting_id, member_id, expected, can_vote, present, absence_reason,"
                    + " excluded_from_base, note",
                2,
                null)) {
      for (int month = 0; month < ProvinceGenerator.MONTHS; month++) {
        YearMonth ym = ProvinceGenerator.FIRST_MONTH.plusMonths(month);
        for (int b = 0; b < branches.size(); b++) {
          int orgIndex = branches.get(b);
          ProvinceTree.OrgRow org = tree.org(orgIndex);
          SplittableRandom r =
              new SplittableRandom(seed * 0x2545F4914F6CDD1DL + b * 1_000_003L + month);
          boolean weak = new SplittableRandom(seed + b).nextInt(100) < 2;
          List<String> types = new ArrayList<>(List.of(MONTHLY));
          if (ym.getMonthValue() % 3 == 2) {
            types.addAll(List.of(QUARTERLY));
          }
          for (String type : types) {
            int miss = weak ? 40 : type.equals("COMMITTEE_MEETING") ? 3 : 2;
            if (r.nextInt(100) < miss) {
              continue;
            }
            meeting(
                register,
                org,
                orgIndex,
                type,
                ym,
                r,
                seed,
                meetings,
                attendance,
                counts,
                byId.get(org.parentId()));
          }
          progress.add(1);
        }
      }
    }
    progress.finish();
    try (BatchWriter w =
        loading.writer(
            "compliance_count", "org_id, meeting_type, period_month, org_path, held", 1, null)) {
      for (int orgIndex : branches) {
        ProvinceTree.OrgRow org = tree.org(orgIndex);
        for (String type :
            List.of(
                "BRANCH_GENERAL_MEETING",
                "COMMITTEE_MEETING",
                "PARTY_LECTURE",
                "THEMED_PARTY_DAY")) {
          for (int month = 0; month < ProvinceGenerator.MONTHS; month++) {
            YearMonth ym = ProvinceGenerator.FIRST_MONTH.plusMonths(month);
            int period = ym.getYear() * 100 + ym.getMonthValue();
            Integer held = counts.get(orgIndex + "|" + type + "|" + period);
            if (held != null) {
              w.add(UuidV7s.bytes(org.id()), type, period, org.path(), held);
            }
          }
        }
      }
    }
  }

  private static void meeting(
      ProvinceMembers register,
      ProvinceTree.OrgRow org,
      int orgIndex,
      String type,
      YearMonth ym,
      SplittableRandom r,
      long seed,
      BatchWriter meetings,
      BatchWriter attendance,
      Map<String, Integer> counts,
      ProvinceTree.OrgRow parent)
      throws InterruptedException {
    LocalDate day = ym.atDay(1 + r.nextInt(ym.lengthOfMonth()));
    List<ProvinceMembers.Member> expected = new ArrayList<>();
    for (int i : register.of(orgIndex)) {
      ProvinceMembers.Member m = register.members.get(i);
      if (m.current() && (m.joinDate() == null || !m.joinDate().isAfter(day))) {
        if (!type.equals("COMMITTEE_MEETING")
            || (m.stage().equals("FULL") && expected.size() < 5)) {
          expected.add(m);
        }
      }
    }
    if (expected.isEmpty()) {
      return;
    }
    LocalDateTime starts = day.atTime(9 + r.nextInt(8), r.nextInt(2) * 30);
    LocalDateTime ends = starts.plusMinutes(type.equals("COMMITTEE_MEETING") ? 60 : 90);
    Instant planned = at(starts.minusDays(7 + r.nextInt(8)));
    Instant recorded = at(ends.plusMinutes(60 + r.nextInt(47 * 60)));
    Instant submitted = recorded.plusSeconds(600 + r.nextInt(24 * 3600));
    Instant reviewed = submitted.plusSeconds(3600 + r.nextInt(5 * 24 * 3600));
    String status = "APPROVED";
    boolean lastMonth =
        ym.equals(ProvinceGenerator.FIRST_MONTH.plusMonths(ProvinceGenerator.MONTHS - 1));
    if (lastMonth) {
      int s = r.nextInt(100);
      status = s < 70 ? "APPROVED" : s < 90 ? "SUBMITTED" : "HELD";
    }
    if (status.equals("APPROVED") && reviewed.isAfter(ProvinceGenerator.AS_OF)) {
      status = "SUBMITTED";
    }
    if (!status.equals("HELD") && submitted.isAfter(ProvinceGenerator.AS_OF)) {
      status = "HELD";
    }
    if (recorded.isAfter(ProvinceGenerator.AS_OF)) {
      recorded = ProvinceGenerator.AS_OF.minusSeconds(60 + r.nextInt(3600));
    }
    byte[] id = UuidV7s.bytes(UuidV7s.at(planned.toEpochMilli(), r));
    byte[] host = expected.get(0).id();
    byte[] recorder = expected.get(Math.min(1, expected.size() - 1)).id();
    int monthIndex =
        (ym.getYear() - ProvinceGenerator.FIRST_MONTH.getYear()) * 12
            + ym.getMonthValue()
            - ProvinceGenerator.FIRST_MONTH.getMonthValue();
    int present = 0;
    int voting = 0;
    for (ProvinceMembers.Member m : expected) {
      boolean canVote = m.stage().equals("FULL");
      String absence = null;
      if (m.id() != host && m.id() != recorder) {
        if (monthIndex >= disengagedFrom(m, seed)) {
          absence = "UNEXCUSED";
        } else if (r.nextInt(100) < 6) {
          absence = ABSENCE[r.nextInt(ABSENCE.length)];
        }
      }
      attendance.add(
          UuidV7s.bytes(UuidV7s.at(recorded.toEpochMilli(), r)),
          id,
          m.id(),
          true,
          canVote,
          absence == null,
          absence,
          false,
          null);
      present += absence == null ? 1 : 0;
      voting += canVote ? 1 : 0;
    }
    String worker = "prov-worker-" + orgIndex;
    String orgName = org.name();
    String title = title(type, ym);
    String minutes = minutes(orgName, title, day, r);
    boolean approved = status.equals("APPROVED");
    boolean wasSubmitted = !status.equals("HELD");
    int period = ym.getYear() * 100 + ym.getMonthValue();
    Instant updated = approved ? reviewed : wasSubmitted ? submitted : recorded;
    meetings.add(
        id,
        UuidV7s.bytes(org.id()),
        org.path(),
        parent.path(),
        org.type(),
        type,
        status,
        title,
        starts,
        ends,
        day,
        "党员活动室",
        minutes,
        type.equals("THEMED_PARTY_DAY") ? THEMES[r.nextInt(THEMES.length)] : null,
        type.equals("PARTY_LECTURE") ? "支部书记" : null,
        type.equals("PARTY_LECTURE") ? TOPICS[r.nextInt(TOPICS.length)] : null,
        host,
        recorder,
        expected.size(),
        present,
        voting,
        type.equals("PARTY_LECTURE") ? 15 : 0, // MeetingRules.lectureTenths of 90 minutes
        0,
        OrgLifeBench.signature(minutes),
        worker,
        worker,
        utc(recorded),
        wasSubmitted ? worker : null,
        wasSubmitted ? utc(submitted) : null,
        approved ? "prov-reviewer-" + parent.id().toString().substring(0, 8) : null,
        approved ? utc(reviewed) : null,
        approved ? period : null,
        utc(planned),
        utc(updated),
        approved ? 3L : wasSubmitted ? 2L : 1L);
    if (approved) {
      counts.merge(orgIndex + "|" + type + "|" + period, 1, Integer::sum);
    }
  }

  /** Window month from which the member no longer attends (2 %: June–September 2026). */
  private static int disengagedFrom(ProvinceMembers.Member m, long seed) {
    long bits = 0;
    for (int i = 8; i < 16; i++) {
      bits = bits << 8 | (m.id()[i] & 0xFF);
    }
    SplittableRandom r = new SplittableRandom(seed ^ bits);
    return r.nextInt(100) < 2 ? 6 + r.nextInt(4) : Integer.MAX_VALUE;
  }

  private static String title(String type, YearMonth ym) {
    String quarter = ym.getYear() + "年" + QUARTER_NAMES[(ym.getMonthValue() - 1) / 3] + "季度";
    String month = ym.getYear() + "年" + ym.getMonthValue() + "月";
    return switch (type) {
      case "BRANCH_GENERAL_MEETING" -> quarter + "支部党员大会";
      case "PARTY_LECTURE" -> quarter + "党课";
      case "COMMITTEE_MEETING" -> month + "支委会";
      default -> month + "主题党日";
    };
  }

  /** Each record its own: the service's duplicate-minutes check should not fire on them. */
  private static String minutes(String org, String title, LocalDate day, SplittableRandom r) {
    StringBuilder s = new StringBuilder();
    s.append(day).append(' ').append(org).append("召开").append(title).append("。");
    int n = 4 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      s.append(PHRASES[r.nextInt(PHRASES.length)]).append("，");
    }
    s.append("会议形成")
        .append(1 + r.nextInt(5))
        .append("项决定，第")
        .append(1 + r.nextInt(999))
        .append("号纪要存档。");
    return s.toString();
  }

  private static Instant at(LocalDateTime local) {
    return local.atZone(ProvinceGenerator.ZONE).toInstant();
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
