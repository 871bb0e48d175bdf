package cn.dangjian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.e2e.Api.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Who decides what, through the gateway with real Keycloak tokens: the branch (secretary-a)
 * requests, the 城关镇党委 (worker) decides, a 开除党籍 also needs the county 纪委 (jiwei), and the effect
 * follows the last approval.
 */
@Tag("compose")
class ApprovalsE2EIT {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static Api api;
  static String admin;
  static UUID county;
  static UUID town;

  /**
   * A branch of the town of its own (a vote's base is the branch's members), run by secretary-a.
   */
  private static UUID ownBranch(String name) {
    UUID own =
        DataScopeE2EIT.created(api.post("/api/orgs", admin, TestData.org(town, name, "BRANCH")));
    E2ePlatform.keycloak().setOrgAndMember("secretary-a", own.toString(), null);
    return own;
  }

  @BeforeAll
  static void countyTownAndBranch() {
    api = E2ePlatform.api();
    admin = E2ePlatform.token("admin");
    county =
        DataScopeE2EIT.created(
            api.post(
                "/api/orgs",
                admin,
                TestData.org(null, "e2e审批县委" + UUID.randomUUID(), "PARTY_COMMITTEE")));
    town =
        DataScopeE2EIT.created(
            api.post("/api/orgs", admin, TestData.org(county, "审批镇党委", "PARTY_COMMITTEE")));
    E2ePlatform.keycloak().setOrgAndMember("worker", town.toString(), null);
    E2ePlatform.keycloak().setOrgAndMember("jiwei", county.toString(), null);
  }

  private static Response decide(String token, JsonNode approval, String outcome, String comment) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("outcome", outcome);
    if (comment != null) {
      body.put("comment", comment);
    }
    return api.send(
        "POST",
        "/api/approvals/" + approval.get("id").asString() + "/decisions",
        token,
        body,
        "\"" + approval.get("version").asLong() + "\"");
  }

  private static Response step(String token, UUID member, String step, LocalDate on) {
    return api.post(
        "/api/members/" + member + "/development/steps",
        token,
        Map.of("step", step, "doneOn", on.toString()));
  }

  private static boolean awaiting(String token, String approvalId) {
    JsonNode page = api.get("/api/approvals?awaitingMe=true&size=200", token).json();
    for (JsonNode item : page.get("items")) {
      if (item.get("id").asString().equals(approvalId)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void anApplicantsLateTalkIsApprovedByThePartyCommitteeAndThePipelineContinues() {
    UUID branch = ownBranch("谈话村党支部");
    String secretary = E2ePlatform.token("secretary-a");
    String worker = E2ePlatform.token("worker");
    Map<String, Object> person = TestData.member(branch, "逾期谈话申请人");
    person.put("stage", "APPLICANT");
    person.remove("joinDate");
    person.remove("fullMemberDate");
    UUID applicant = DataScopeE2EIT.created(api.post("/api/members", secretary, person));
    LocalDate today = LocalDate.now(ZONE);
    LocalDate applied = today.minusMonths(2);
    assertThat(step(secretary, applicant, "APPLICATION", applied).status()).isEqualTo(201);

    // the talk happened, a week late: the branch cannot record it as it was, nor backdate it
    LocalDate talked = applied.plusMonths(1).plusDays(7);
    Response refused = step(secretary, applicant, "TALK", talked);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("rule").asString()).isEqualTo("talk-within-one-month");

    Response requested =
        api.post(
            "/api/members/" + applicant + "/development/requests",
            secretary,
            Map.of(
                "step",
                Map.of("step", "TALK", "doneOn", talked.toString()),
                "lateReason",
                "书记外出培训一周，谈话推迟"));
    assertThat(requested.status()).as(requested.body()).isEqualTo(201);
    JsonNode approval = requested.json();
    assertThat(approval.get("kind").asString()).isEqualTo("LATE_RECORD");
    assertThat(approval.get("stages").get(0).get("orgId").asString()).isEqualTo(town.toString());
    assertThat(decide(secretary, approval, "APPROVE", null).status()).isEqualTo(403);
    assertThat(awaiting(worker, approval.get("id").asString())).isTrue();
    assertThat(api.get("/api/approvals/counts", worker).json().get("awaitingMe").asLong())
        .isPositive();

    Response approved = decide(worker, approval, "APPROVE", "情况属实，同意逾期补录");
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");

    JsonNode progress = api.get("/api/members/" + applicant + "/development", secretary).json();
    JsonNode talk = progress.get("steps").get(1);
    assertThat(talk.get("step").asString()).isEqualTo("TALK");
    assertThat(talk.get("doneOn").asString()).isEqualTo(talked.toString());
    assertThat(talk.get("late").asBoolean()).isTrue();
    assertThat(talk.get("suspectedBackfill").asBoolean()).isFalse();
    Response next = step(secretary, applicant, "ACTIVIST_CONFIRMED", today);
    assertThat(next.status()).as(next.body()).isEqualTo(201);
    assertThat(next.json().get("stage").asString()).isEqualTo("ACTIVIST");
  }

  @Test
  void anExpulsionDecidedByTheBranchIsRefusedUntilTheCountyDisciplineCommissionApproves() {
    UUID branch = ownBranch("开除村党支部");
    String secretary = E2ePlatform.token("secretary-a");
    String worker = E2ePlatform.token("worker");
    String jiwei = E2ePlatform.token("jiwei");
    List<UUID> members = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      members.add(
          DataScopeE2EIT.created(
              api.post("/api/members", secretary, TestData.member(branch, "党员" + i))));
    }
    UUID accused = members.get(0);
    Response member = api.get("/api/members/" + accused, secretary);
    Response direct =
        api.send(
            "POST",
            "/api/members/" + accused + "/status",
            secretary,
            Map.of(
                "status", "EXPELLED",
                "effectiveOn", LocalDate.now(ZONE).toString(),
                "reason", "支部大会决定开除党籍"),
            member.header("ETag"));
    assertThat(direct.status()).isEqualTo(403);
    assertThat(direct.json().get("rule").asString()).isEqualTo("decided-by-higher-body");
    assertThat(direct.json().get("detail").asString()).contains("基层党委");

    Response requested =
        api.post(
            "/api/members/" + accused + "/status-requests",
            secretary,
            Map.of(
                "status",
                "EXPELLED",
                "reason",
                "严重违纪，支部大会决定开除党籍",
                "vote",
                Map.of(
                    "excludedWithApproval", 0,
                    "present", 4,
                    "approve", 3,
                    "oppose", 1,
                    "abstain", 0,
                    "writtenApprovals", 0)));
    assertThat(requested.status()).as(requested.body()).isEqualTo(201);
    JsonNode approval = requested.json();
    assertThat(approval.get("stages").get(1).get("body").asString())
        .isEqualTo("DISCIPLINE_COMMISSION");

    Response byCommittee = decide(worker, approval, "APPROVE", "同意，报县纪委审查");
    assertThat(byCommittee.status()).as(byCommittee.body()).isEqualTo(200);
    assertThat(byCommittee.json().get("awaiting").asString()).isEqualTo("DISCIPLINE_COMMISSION");
    assertThat(api.get("/api/members/" + accused, secretary).json().get("status").asString())
        .isEqualTo("ACTIVE");
    // neither the 组织部 nor the 党委 stands in for the 纪委
    Response byAdmin = decide(admin, byCommittee.json(), "APPROVE", null);
    assertThat(byAdmin.status()).isEqualTo(403);
    assertThat(byAdmin.json().get("decidingBody").asString()).isEqualTo("DISCIPLINE_COMMISSION");

    assertThat(awaiting(jiwei, approval.get("id").asString())).isTrue();
    Response byJiwei = decide(jiwei, byCommittee.json(), "APPROVE", "经审查，同意开除党籍");
    assertThat(byJiwei.status()).as(byJiwei.body()).isEqualTo(200);
    assertThat(api.get("/api/members/" + accused, secretary).json().get("status").asString())
        .isEqualTo("EXPELLED");
  }

  /** Polls until {@code probe} gives a value (60 s). */
  private static <T> T eventually(java.util.function.Supplier<java.util.Optional<T>> probe) {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
    while (true) {
      java.util.Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not there within 60 s");
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static java.util.Optional<JsonNode> alert(String token, UUID subject, String rule) {
    JsonNode page = api.get("/api/alerts?size=100&subjectId=" + subject, token).json();
    for (JsonNode a : page.get("items")) {
      if (a.get("ruleId").asString().equals(rule)) {
        return java.util.Optional.of(a);
      }
    }
    return java.util.Optional.empty();
  }

  private static JsonNode approve(String token, String approvalId) {
    JsonNode approval = api.get("/api/approvals/" + approvalId, token).json();
    Response decided = decide(token, approval, "APPROVE", "同意");
    assertThat(decided.status()).as(decided.body()).isEqualTo(200);
    return decided.json();
  }

  private static Map<String, Object> votes(UUID member, int count) {
    return Map.of("memberId", member.toString(), "votes", count);
  }

  @Test
  void aBranchIsRemindedOfItsTermAndElectsItsNewCommitteeThroughTheCommitteeAbove() {
    UUID electing =
        DataScopeE2EIT.created(
            api.post("/api/orgs", admin, TestData.org(town, "换届村党支部", "BRANCH")));
    E2ePlatform.keycloak().setOrgAndMember("secretary-b", electing.toString(), null);
    String secretary = E2ePlatform.token("secretary-b");
    String worker = E2ePlatform.token("worker");
    List<UUID> m = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      m.add(
          DataScopeE2EIT.created(
              api.post("/api/members", secretary, TestData.member(electing, "换届党员" + i))));
    }
    LocalDate today = LocalDate.now(ZONE);
    LocalDate started = today.plusDays(40).minusYears(3);
    // the sitting committee, recorded by the 党委 (a branch cannot start a term itself)
    Map<String, Object> term =
        Map.of(
            "startedOn",
            started.toString(),
            "members",
            List.of(Map.of("memberId", m.get(0).toString(), "role", "SECRETARY")));
    assertThat(api.post("/api/orgs/" + electing + "/committee/terms", secretary, term).status())
        .isEqualTo(403);
    assertThat(api.post("/api/orgs/" + electing + "/committee/terms", worker, term).status())
        .isEqualTo(201);

    // the reminder: 换届 due in 40 days
    JsonNode reminder = eventually(() -> alert(secretary, electing, "COMMITTEE_TERM_EXPIRING"));
    assertThat(reminder.get("suggestion").asString()).contains("请示");

    // 请示 → 批复
    Response requested =
        api.post(
            "/api/orgs/" + electing + "/committee/elections",
            secretary,
            Map.of("plannedOn", today.toString()));
    assertThat(requested.status()).as(requested.body()).isEqualTo(201);
    String election =
        "/api/orgs/" + electing + "/committee/elections/" + requested.json().get("id").asString();
    approve(worker, requested.json().get("approvalId").asString());

    // candidates with 差额, approved
    List<String> six = m.subList(1, 7).stream().map(UUID::toString).toList();
    Response tooFew =
        api.post(
            election + "/candidates",
            secretary,
            Map.of("seats", 5, "candidates", six.subList(0, 5)));
    assertThat(tooFew.status()).isEqualTo(422);
    assertThat(tooFew.json().get("rule").asString()).isEqualTo("differential-below-twenty-percent");
    Response candidates =
        api.post(election + "/candidates", secretary, Map.of("seats", 5, "candidates", six));
    assertThat(candidates.status()).as(candidates.body()).isEqualTo(201);
    approve(worker, candidates.json().get("approvalId").asString());

    // six of eight entitled present is not more than four fifths: invalid, kept
    List<Map<String, Object>> ballot =
        List.of(
            votes(m.get(1), 6),
            votes(m.get(2), 6),
            votes(m.get(3), 5),
            votes(m.get(4), 5),
            votes(m.get(5), 4),
            votes(m.get(6), 2));
    Response invalid =
        api.post(
            election + "/result",
            secretary,
            Map.of("heldOn", today.toString(), "present", 6, "votes", ballot));
    assertThat(invalid.status()).as(invalid.body()).isEqualTo(201);
    assertThat(invalid.json().get("status").asString()).isEqualTo("INVALID");
    eventually(() -> alert(secretary, electing, "ELECTION_INVALID"));

    // held again with seven present: valid
    Response valid =
        api.post(
            election + "/result",
            secretary,
            Map.of(
                "heldOn",
                today.toString(),
                "present",
                7,
                "votes",
                List.of(
                    votes(m.get(1), 7),
                    votes(m.get(2), 7),
                    votes(m.get(3), 6),
                    votes(m.get(4), 5),
                    votes(m.get(5), 4),
                    votes(m.get(6), 3))));
    assertThat(valid.json().get("status").asString()).as(valid.body()).isEqualTo("HELD");
    Response reported =
        api.post(
            election + "/result-report",
            secretary,
            Map.of("secretaryMemberId", m.get(1).toString()));
    assertThat(reported.status()).as(reported.body()).isEqualTo(201);
    approve(worker, reported.json().get("approvalId").asString());

    JsonNode committee = api.get("/api/orgs/" + electing + "/committee", secretary).json();
    assertThat(committee.get("startedOn").asString()).isEqualTo(today.toString());
    assertThat(committee.get("members").size()).isEqualTo(5);
    // the new term ends the reminder and the invalid-election alert
    eventually(
        () ->
            alert(secretary, electing, "COMMITTEE_TERM_EXPIRING")
                .filter(a -> "RESOLVED".equals(a.get("status").asString())));
    eventually(
        () ->
            alert(secretary, electing, "ELECTION_INVALID")
                .filter(a -> "RESOLVED".equals(a.get("status").asString())));
  }

  @Test
  void anUnqualifiedMemberGoesThroughACorrectionPeriodToItsEndReminder() {
    UUID branch = ownBranch("评议村党支部");
    String secretary = E2ePlatform.token("secretary-a");
    String worker = E2ePlatform.token("worker");
    List<UUID> m = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      m.add(
          DataScopeE2EIT.created(
              api.post("/api/members", secretary, TestData.member(branch, "评议党员" + i))));
    }
    UUID member = m.get(0);
    int year = LocalDate.now(ZONE).getYear();
    // org-life records the appraisal; member-service hears the 不合格 grade and opens the procedure
    Map<String, Object> grades =
        Map.of(
            "orgId",
            branch.toString(),
            "year",
            year,
            "grades",
            List.of(
                Map.of("memberId", member.toString(), "grade", "UNQUALIFIED"),
                Map.of("memberId", m.get(1).toString(), "grade", "QUALIFIED")));
    eventually(
        () -> {
          Response graded = api.post("/api/org-life/appraisals", secretary, grades);
          return graded.status() / 100 == 2
              ? java.util.Optional.of(graded)
              : java.util.Optional.empty();
        });
    String cases = "/api/members/" + member + "/unqualified-cases";
    JsonNode opened =
        eventually(
            () -> {
              JsonNode list = api.get(cases, secretary).json();
              return list.isEmpty()
                  ? java.util.Optional.empty()
                  : java.util.Optional.of(list.get(0));
            });
    assertThat(opened.get("step").asString()).isEqualTo("TRIGGERED");
    String caseId = opened.get("id").asString();
    String steps = cases + "/" + caseId + "/steps";
    String today = LocalDate.now(ZONE).toString();

    Response proposed =
        api.post(
            cases,
            secretary,
            Map.of(
                "trigger", "UNQUALIFIED_GRADE",
                "issue", "APPRAISAL-" + year,
                "measure", "CORRECTION",
                "note", "支委会研究，提出限期改正"));
    assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    approve(worker, requestCase(secretary, cases, caseId, "FILING"));
    assertThat(
            api.post(
                    steps, secretary, Map.of("step", "INVESTIGATED", "doneOn", today, "note", "属实"))
                .status())
        .isEqualTo(201);
    assertThat(
            api.post(
                    steps,
                    secretary,
                    Map.of(
                        "step",
                        "TALKED",
                        "doneOn",
                        today,
                        "note",
                        "谈话",
                        "talkers",
                        List.of(m.get(1).toString(), m.get(2).toString())))
                .status())
        .isEqualTo(201);
    approve(worker, requestCase(secretary, cases, caseId, "PRE_REVIEW"));
    Response voted =
        api.post(
            steps,
            secretary,
            Map.of(
                "step",
                "VOTED",
                "doneOn",
                today,
                "note",
                "支部大会",
                "vote",
                Map.of(
                    "excludedWithApproval", 0,
                    "present", 5,
                    "approve", 4,
                    "oppose", 1,
                    "abstain", 0,
                    "writtenApprovals", 0)));
    assertThat(voted.status()).as(voted.body()).isEqualTo(201);
    approve(worker, requestCase(secretary, cases, caseId, "DECISION"));

    JsonNode decided = api.get(cases + "/" + caseId, secretary).json();
    assertThat(decided.get("step").asString()).isEqualTo("DECIDED");
    String endsOn = decided.get("correctionEndsOn").asString();
    assertThat(endsOn).isEqualTo(LocalDate.now(ZONE).plusMonths(6).toString());

    // the end reminder: a sweep as of the period's end raises it on the member
    api.job("/api/alerts/sweeps", admin, Map.of("asOf", endsOn));
    JsonNode reminder = eventually(() -> alert(secretary, member, "CORRECTION_PERIOD_ENDING"));
    assertThat(reminder.get("suggestion").asString()).contains(endsOn);
  }

  private static String requestCase(String token, String cases, String caseId, String step) {
    Response requested = api.post(cases + "/" + caseId + "/requests", token, Map.of("step", step));
    assertThat(requested.status()).as(requested.body()).isEqualTo(201);
    return requested.json().get("id").asString();
  }
}
