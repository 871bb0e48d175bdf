package cn.dangjian.e2e;

import cn.dangjian.devstack.KeycloakAdmin;
import cn.dangjian.e2e.Api.Response;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Branch A's objects of every type, the victim of the BOLA matrix: the demo tree (示范县委 › 城关镇党委 ›
 * 第一党支部 with secretary-a, 第二党支部 with secretary-b), member1 linked to a member of A, and in A a
 * member, an applicant with a development record, a transfer, a committee term, dues (profile,
 * bills, a payment, arrears, a sandbox order), a meeting with attendance, minutes and an
 * attachment, a discussion with a post, a course and a micro-lesson with a study, a talk, an
 * appraisal, an indicator system and a cycle, a responsibility task, an innovation case, volunteer
 * points, an alert and a webhook subscription. Every name carries {@link #marker} so a leak is
 * found by text.
 */
final class BolaFixture {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  final Api api;
  final KeycloakAdmin keycloak;
  final String marker = "甲支部机密" + UUID.randomUUID().toString().substring(0, 8);
  final String year = String.valueOf(LocalDate.now(ZONE).getYear());
  final String month = YearMonth.now(ZONE).toString();

  /** Fixture key (e.g. "meeting") to id. */
  final Map<String, String> ids = new LinkedHashMap<>();

  /** Fixture key to the path secretary-a reads it at (the unchanged-check and If-Match source). */
  final Map<String, String> canonical = new LinkedHashMap<>();

  private String admin;
  private String secretaryA;

  BolaFixture(Api api, KeycloakAdmin keycloak) {
    this.api = api;
    this.keycloak = keycloak;
  }

  String id(String key) {
    String id = ids.get(key);
    if (id == null) {
      throw new IllegalArgumentException("no fixture object " + key);
    }
    return id;
  }

  String token(String username) {
    return keycloak.userAccessToken(username, E2ePlatform.PASSWORD);
  }

  BolaFixture create() throws Exception {
    admin = token("admin");
    String county =
        created(post(admin, "/api/orgs", TestData.org(null, "示范县委" + marker, "PARTY_COMMITTEE")));
    String town =
        created(
            post(
                admin,
                "/api/orgs",
                TestData.org(UUID.fromString(county), "城关镇党委", "PARTY_COMMITTEE")));
    String a =
        created(
            post(admin, "/api/orgs", TestData.org(UUID.fromString(town), "城关镇第一党支部", "BRANCH")));
    String b =
        created(
            post(admin, "/api/orgs", TestData.org(UUID.fromString(town), "城关镇第二党支部", "BRANCH")));
    put("town", town, null);
    put("orgA", a, "/api/orgs/" + a);
    put("orgB", b, null);
    // a create or an import into A by anyone else would show here
    canonical.put("orgsUnderA", "/api/orgs?parentId=" + a + "&size=100");
    canonical.put("membersOfA", "/api/members?orgId=" + a + "&size=100");
    keycloak.setOrgAndMember("secretary-a", a, null);
    keycloak.setOrgAndMember("secretary-b", b, null);
    secretaryA = token("secretary-a");

    UUID orgA = UUID.fromString(a);
    String member =
        created(post(secretaryA, "/api/members", TestData.member(orgA, "甲支部党员" + marker)));
    String colleague = created(post(secretaryA, "/api/members", TestData.member(orgA, "甲支部委员")));
    String own = created(post(secretaryA, "/api/members", TestData.member(orgA, "张建国")));
    put("member", member, "/api/members/" + member);
    put("colleague", colleague, "/api/members/" + colleague);
    // a job of A's with a file: A's members exported
    ids.put(
        "memberJob",
        api.job("/api/members/exports", secretaryA, Map.of("orgId", a, "format", "csv"))
            .get("id")
            .asString());
    ids.put("member1Member", own);
    // member1 is 张建国 of branch A: it may see itself, never member X's records
    keycloak.setOrgAndMember("member1", a, own);

    Map<String, Object> applicant = TestData.member(orgA, "入党申请人" + marker);
    applicant.put("stage", "APPLICANT");
    applicant.remove("joinDate");
    applicant.remove("fullMemberDate");
    String applicantId = created(post(secretaryA, "/api/members", applicant));
    ids.put("applicant", applicantId);
    canonical.put("development", "/api/members/" + applicantId + "/development");
    ok(
        post(
            secretaryA,
            "/api/members/" + applicantId + "/development/steps",
            Map.of(
                "step", "APPLICATION", "doneOn", LocalDate.now(ZONE).minusMonths(3).toString())));

    ok(
        post(
            secretaryA,
            "/api/members/" + member + "/flags",
            Map.of("flag", "MOBILE", "startedOn", "2026-01-05", "reason", marker)));

    // a 不合格党员 case of A's, proposed by its 支委会
    String unqualified =
        created(
            post(
                secretaryA,
                "/api/members/" + member + "/unqualified-cases",
                Map.of(
                    "trigger",
                    "ABSENT_SIX_MONTHS",
                    "issue",
                    "BOLA-" + marker.replaceAll("[^A-Za-z0-9]", ""),
                    "measure",
                    "CORRECTION",
                    "note",
                    "支委会提出" + marker)));
    put(
        "unqualifiedCase",
        unqualified,
        "/api/members/" + member + "/unqualified-cases/" + unqualified);

    // an approval request of A's, waiting on the 城关镇党委
    String approval =
        created(
            post(
                secretaryA,
                "/api/members/" + colleague + "/status-requests",
                Map.of(
                    "status", "SUSPENDED", "basis", "SETTLED_ABROAD", "reason", "定居国外" + marker)));
    put("approval", approval, "/api/approvals/" + approval);

    Map<String, Object> transfer = new LinkedHashMap<>();
    transfer.put("memberId", colleague);
    transfer.put("direction", "OUTBOUND");
    transfer.put("externalOrg", "外省某党支部");
    transfer.put("reason", "工作调动" + marker);
    transfer.put("requestedOn", LocalDate.now(ZONE).minusDays(2).toString());
    put("transfer", created(post(admin, "/api/members/transfers", transfer)), null);
    canonical.put("transfer", "/api/members/transfers/" + id("transfer"));

    // a 活动证 of A's member (hosted outside the platform) and A's member's 社区报到 with the town
    LocalDate away = LocalDate.now(ZONE).minusDays(10);
    Map<String, Object> certificate = new LinkedHashMap<>();
    certificate.put("memberId", member);
    certificate.put("hostName", "外省某商会党委" + marker);
    certificate.put("place", "广东省深圳市");
    certificate.put("reason", "WORK");
    certificate.put("fixedPlace", false);
    certificate.put("awaySince", away.toString());
    certificate.put("issuedOn", away.toString());
    certificate.put("validUntil", away.plusMonths(3).toString());
    put(
        "mobileCertificate",
        created(post(secretaryA, "/api/members/mobile-certificates", certificate)),
        null);
    canonical.put(
        "mobileCertificate", "/api/members/mobile-certificates/" + id("mobileCertificate"));
    put(
        "communityRegistration",
        created(
            post(
                secretaryA,
                "/api/members/community-registrations",
                Map.of(
                    "memberId", member,
                    "communityOrgId", town,
                    "registeredOn", away.toString()))),
        null);
    canonical.put(
        "communityRegistration",
        "/api/members/community-registrations/" + id("communityRegistration"));

    Map<String, Object> term = new LinkedHashMap<>();
    term.put("startedOn", "2025-01-10");
    term.put("termYears", 3);
    term.put("members", List.of(Map.of("memberId", colleague, "role", "SECRETARY")));
    ok(post(admin, "/api/orgs/" + a + "/committee/terms", term));
    canonical.put("committee", "/api/orgs/" + a + "/committee");

    dues(a, member);
    orgLife(a, member, colleague, own);
    assessment(town, a, member);
    alerts(a);
    notifications(a, own);
    return this;
  }

  private void dues(String a, String member) throws Exception {
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("memberId", member);
    profile.put("effectiveMonth", YearMonth.now(ZONE).minusMonths(2).toString());
    profile.put("baseFen", 540_000);
    profile.put("note", marker);
    String profileId = created(await("POST", "/api/dues/profiles", secretaryA, profile));
    put("profile", profileId, "/api/dues/profiles/" + profileId);
    for (int back = 2; back >= 0; back--) {
      api.job(
          "/api/dues/bills/runs",
          secretaryA,
          Map.of("month", YearMonth.now(ZONE).minusMonths(back).toString(), "orgId", a));
    }
    // a job of A's with a file: the arrears list exported
    ids.put(
        "duesJob",
        api.job("/api/dues/arrears/exports", secretaryA, Map.of("orgId", a)).get("id").asString());
    JsonNode bills =
        ok(api.get("/api/dues/bills?memberId=" + member + "&size=50", secretaryA))
            .json()
            .get("items");
    put(
        "bill",
        bills.get(0).get("id").asString(),
        "/api/dues/bills/" + bills.get(0).get("id").asString());
    Map<String, Object> pay = new LinkedHashMap<>();
    pay.put("memberId", member);
    pay.put("months", List.of(YearMonth.now(ZONE).minusMonths(2).toString()));
    pay.put("channel", "OFFLINE");
    pay.put("receiptNo", "R" + marker.hashCode());
    String payment = created(post(secretaryA, "/api/dues/payments", pay));
    put("payment", payment, "/api/dues/payments/" + payment);
    canonical.put("arrears", "/api/dues/arrears/members/" + member);
    Map<String, Object> online = new LinkedHashMap<>();
    online.put("memberId", member);
    online.put("months", List.of(YearMonth.now(ZONE).minusMonths(1).toString()));
    online.put("channel", "ONLINE");
    // online payments are started by the member himself: X gets a login of his own
    Response order = post(memberLogin(member), "/api/dues/payments", online);
    if (BolaFixture.ok(order).status() == 201) {
      ids.put("onlinePayment", order.json().get("id").asString());
      canonical.put("onlinePayment", "/api/dues/payments/" + ids.get("onlinePayment"));
      ids.put("sandboxOrder", order.json().get("providerOrderId").asString());
    }
  }

  private void orgLife(String a, String member, String colleague, String own) throws Exception {
    LocalDateTime startsAt = LocalDateTime.now(ZONE).minusDays(2).truncatedTo(ChronoUnit.HOURS);
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("orgId", a);
    plan.put("type", "COMMITTEE_MEETING");
    plan.put("title", "支委会" + marker);
    plan.put("startsAt", startsAt.toString());
    plan.put("endsAt", startsAt.plusMinutes(90).toString());
    plan.put("place", "村党群服务中心");
    plan.put("expectedMemberIds", List.of(member, colleague));
    Response planned = await("POST", "/api/org-life/meetings", secretaryA, plan);
    String meeting = created(planned);
    put("meeting", meeting, "/api/org-life/meetings/" + meeting);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("title", "支委会" + marker);
    record.put("startsAt", startsAt.toString());
    record.put("endsAt", startsAt.plusMinutes(90).toString());
    record.put("place", "村党群服务中心");
    record.put("hostMemberId", colleague);
    record.put("recorderMemberId", member);
    record.put("agenda", "研究发展党员工作");
    record.put("minutes", "支部书记主持，研究确定本季度发展对象人选。" + marker);
    record.put("attendees", List.of(colleague, member));
    record.put("absentees", List.of());
    ok(
        api.send(
            "PUT",
            "/api/org-life/meetings/" + meeting + "/record",
            secretaryA,
            record,
            planned.header("ETag")));

    byte[] file = ("会议签到表 " + marker).getBytes(StandardCharsets.UTF_8);
    String boundary = "bola" + UUID.randomUUID();
    byte[] multipart = multipart(boundary, "file", "签到表.txt", "text/plain", file);
    Response attached =
        api.exchange(
            "POST",
            "/api/org-life/meetings/" + meeting + "/attachments",
            Map.of(
                "Authorization",
                "Bearer " + secretaryA,
                "Content-Type",
                "multipart/form-data; boundary=" + boundary),
            multipart);
    ids.put("attachment", ok(attached).json().get("id").asString());
    canonical.put("attachments", "/api/org-life/meetings/" + meeting + "/attachments");

    Map<String, Object> discussion = new LinkedHashMap<>();
    discussion.put("orgId", a);
    discussion.put("title", "讨论" + marker);
    discussion.put("body", "关于本村为民办实事项目的讨论" + marker);
    discussion.put("options", List.of("同意", "不同意"));
    String discussionId =
        created(await("POST", "/api/org-life/discussions", secretaryA, discussion));
    put("discussion", discussionId, "/api/org-life/discussions/" + discussionId);
    ok(
        post(
            secretaryA,
            "/api/org-life/discussions/" + discussionId + "/posts",
            Map.of("body", "支持" + marker)));

    Map<String, Object> course = new LinkedHashMap<>();
    course.put("orgId", a);
    course.put("kind", "CONCENTRATED");
    course.put("title", "党课" + marker);
    course.put("startOn", LocalDate.now(ZONE).minusDays(5).toString());
    course.put("endOn", LocalDate.now(ZONE).minusDays(5).toString());
    course.put("hours", 2);
    course.put("memberIds", List.of(member));
    ok(post(secretaryA, "/api/org-life/training/courses", course));
    Map<String, Object> lesson = new LinkedHashMap<>();
    lesson.put("orgId", a);
    lesson.put("title", "微党课" + marker);
    lesson.put("durationMinutes", 20);
    lesson.put("hours", 0.5);
    String lessonId =
        ok(post(secretaryA, "/api/org-life/training/lessons", lesson)).json().get("id").asString();
    ids.put("lesson", lessonId);
    ok(
        post(
            secretaryA,
            "/api/org-life/training/lessons/" + lessonId + "/studies",
            Map.of(
                "memberId",
                member,
                "studiedOn",
                LocalDate.now(ZONE).minusDays(1).toString(),
                "minutesWatched",
                20)));
    canonical.put("training", "/api/org-life/training/members/" + member + "?year=" + year);

    Map<String, Object> talk = new LinkedHashMap<>();
    talk.put("orgId", a);
    talk.put("talkedOn", LocalDate.now(ZONE).minusDays(3).toString());
    talk.put("memberAId", colleague);
    talk.put("memberBId", member);
    talk.put("summary", "谈心谈话" + marker);
    ok(post(secretaryA, "/api/org-life/talks", talk));
    canonical.put("talks", "/api/org-life/talks?orgId=" + a + "&year=" + year);

    Map<String, Object> appraisal = new LinkedHashMap<>();
    appraisal.put("orgId", a);
    appraisal.put("year", Integer.parseInt(year));
    appraisal.put(
        "grades",
        List.of(
            Map.of("memberId", member, "grade", "EXCELLENT"),
            Map.of("memberId", colleague, "grade", "QUALIFIED"),
            Map.of("memberId", own, "grade", "QUALIFIED")));
    ok(post(secretaryA, "/api/org-life/appraisals", appraisal));
    canonical.put("appraisals", "/api/org-life/appraisals?orgId=" + a + "&year=" + year);
    canonical.put("attendance", "/api/org-life/attendance/members/" + member);
  }

  private void assessment(String town, String a, String member) throws Exception {
    int y = Integer.parseInt(year);
    Response system =
        await(
            "POST",
            "/api/assessments/indicator-systems",
            admin,
            Map.of("ownerOrgId", town, "name", y + "年度党建考核", "year", y));
    String systemId = created(system);
    put("indicatorSystem", systemId, "/api/assessments/indicator-systems/" + systemId);
    String version = system.json().get("versions").get(0).get("id").asString();
    put("indicatorVersion", version, "/api/assessments/indicator-versions/" + version);
    Map<String, Object> work = new LinkedHashMap<>();
    work.put("code", "work");
    work.put("name", "党建工作成效");
    work.put("kind", "BASE");
    work.put("weight", 100);
    work.put("method", "MANUAL");
    work.put("scorer", "DEPARTMENT");
    Response draft = api.get("/api/assessments/indicator-versions/" + version, admin);
    Response replaced =
        ok(
            api.send(
                "PUT",
                "/api/assessments/indicator-versions/" + version + "/indicators",
                admin,
                Map.of("indicators", List.of(work)),
                draft.header("ETag")));
    Response published =
        ok(
            api.send(
                "POST",
                "/api/assessments/indicator-versions/" + version + "/publish",
                admin,
                null,
                replaced.header("ETag")));
    ids.put("indicator", published.json().get("indicators").get(0).get("id").asString());
    Map<String, Object> cycle = new LinkedHashMap<>();
    cycle.put("name", y + "年度述职评议考核" + marker);
    cycle.put("kind", "ANNUAL");
    cycle.put("year", y);
    cycle.put("rootOrgId", town);
    cycle.put("orgIds", List.of(a));
    cycle.put("indicatorVersionId", version);
    String cycleId = created(await("POST", "/api/assessments/cycles", admin, cycle));
    put("cycle", cycleId, "/api/assessments/cycles/" + cycleId);
    canonical.put("cycleResult", "/api/assessments/cycles/" + cycleId + "/orgs/" + a + "/result");
    ok(
        api.put(
            "/api/assessments/cycles/" + cycleId + "/scores",
            admin,
            Map.of(
                "orgId",
                a,
                "indicatorId",
                id("indicator"),
                "points",
                80,
                "evidence",
                "现场考核" + marker)));
    // computed, so that its results and weak candidates exist
    Response current = api.get("/api/assessments/cycles/" + cycleId, admin);
    String compute = "/api/assessments/cycles/" + cycleId + "/compute";
    ids.put(
        "assessmentJob",
        api.follow(compute, admin, api.send("POST", compute, admin, null, current.header("ETag")))
            .get("id")
            .asString());

    Map<String, Object> goal = new LinkedHashMap<>();
    goal.put("orgId", a);
    goal.put("title", "党建责任目标" + marker);
    goal.put("startYear", y);
    goal.put("endYear", y);
    String goalId = created(await("POST", "/api/assessments/responsibility/goals", admin, goal));
    ids.put("goal", goalId);
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("title", "责任任务" + marker);
    task.put("ownerOrgId", a);
    task.put("ownerName", "城关镇第一党支部");
    task.put("deadline", LocalDate.now(ZONE).plusMonths(2).toString());
    String taskId =
        created(post(admin, "/api/assessments/responsibility/goals/" + goalId + "/tasks", task));
    put("task", taskId, "/api/assessments/responsibility/tasks/" + taskId);

    Map<String, Object> innovation = new LinkedHashMap<>();
    innovation.put("orgId", a);
    innovation.put("year", y);
    innovation.put("title", "创新案例" + marker);
    innovation.put("summary", "摘要" + marker);
    innovation.put("content", "正文" + marker);
    String caseId =
        created(await("POST", "/api/assessments/innovation-cases", secretaryA, innovation));
    put("innovationCase", caseId, "/api/assessments/innovation-cases/" + caseId);

    Map<String, Object> volunteer = new LinkedHashMap<>();
    volunteer.put("memberId", member);
    volunteer.put("servedOn", LocalDate.now(ZONE).minusDays(4).toString());
    volunteer.put("hours", 3);
    volunteer.put("description", "志愿服务" + marker);
    String volunteerId =
        created(await("POST", "/api/assessments/points/volunteer", secretaryA, volunteer));
    ids.put("volunteer", volunteerId);
    canonical.put("points", "/api/assessments/points/members/" + member + "?year=" + year);
    canonical.put("pointsSettings", "/api/assessments/points/settings/" + a);
  }

  /**
   * A notification in member1's own inbox: a second committee meeting of A's planned with 张建国
   * expected (its own meeting, so the one above keeps its attendance as it is).
   */
  private void notifications(String a, String own) throws Exception {
    LocalDateTime startsAt = LocalDateTime.now(ZONE).plusDays(3).truncatedTo(ChronoUnit.HOURS);
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("orgId", a);
    plan.put("type", "COMMITTEE_MEETING");
    plan.put("title", "支委会");
    plan.put("startsAt", startsAt.toString());
    plan.put("endsAt", startsAt.plusMinutes(60).toString());
    plan.put("place", "村党群服务中心");
    plan.put("expectedMemberIds", List.of(own));
    await("POST", "/api/org-life/meetings", secretaryA, plan);
    String member1 = token("member1");
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      JsonNode items = api.get("/api/notifications?size=5", member1).json().path("items");
      if (items.size() > 0) {
        ids.put("notification", items.get(0).get("id").asString());
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("member1's meeting notice not in the inbox after 60 s");
  }

  private void alerts(String a) throws Exception {
    Map<String, Object> webhook = new LinkedHashMap<>();
    webhook.put("orgId", a);
    webhook.put("url", "http://127.0.0.1:9/bola-hook");
    webhook.put("minSeverity", "NOTICE");
    Response subscribed = post(secretaryA, "/api/alerts/webhooks", webhook);
    if (subscribed.status() == 400) {
      // a platform without devstack's local-receiver allowance: a public https address literal
      webhook.put("url", "https://1.1.1.1:9/bola-hook");
      subscribed = post(secretaryA, "/api/alerts/webhooks", webhook);
    }
    String hook = created(subscribed);
    ids.put("webhook", hook);
    canonical.put("webhooks", "/api/alerts/webhooks");
    // the sweep raises A's alerts (the applicant's overdue talk, meetings not held...)
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      api.job("/api/alerts/sweeps", admin, Map.of("asOf", LocalDate.now(ZONE).toString()));
      JsonNode found =
          api.get("/api/alerts?orgId=" + a + "&size=50", secretaryA).json().path("items");
      if (found.size() > 0) {
        String alert = found.get(0).get("id").asString();
        put("alert", alert, "/api/alerts/" + alert);
        // a job of A's with a file: A's alerts exported
        ids.put(
            "alertJob",
            api.job("/api/alerts/exports", secretaryA, Map.of("orgId", a)).get("id").asString());
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no alert for branch A after sweeping");
      }
      Thread.sleep(1000);
    }
  }

  /** Links a login (role MEMBER) to the member, as member-service's account endpoint does. */
  private String memberLogin(String memberId) {
    String username = "e2e-bola-" + UUID.randomUUID().toString().substring(0, 8);
    ok(
        api.put(
            "/api/members/" + memberId + "/account",
            admin,
            Map.of(
                "username",
                username,
                "role",
                "MEMBER",
                "initialPassword",
                E2ePlatform.INITIAL_PASSWORD)));
    keycloak.setPassword(username, E2ePlatform.PASSWORD);
    return keycloak.userAccessToken(username, E2ePlatform.PASSWORD);
  }

  /** What a caller must never see of A: every object id, A's org id and the marker. */
  Set<String> secrets(String... except) {
    Set<String> secrets = new LinkedHashSet<>(ids.values());
    secrets.remove(ids.get("town"));
    secrets.remove(ids.get("orgB"));
    secrets.remove(ids.get("indicatorSystem"));
    secrets.remove(ids.get("indicatorVersion"));
    secrets.remove(ids.get("indicator"));
    for (String key : except) {
      secrets.remove(ids.get(key));
    }
    secrets.add(marker);
    return secrets;
  }

  private void put(String key, String id, String path) {
    ids.put(key, id);
    if (path != null) {
      canonical.put(key, path);
    }
  }

  /** POST with an Idempotency-Key (payments require one, the others accept it). */
  private Response post(String token, String path, Object body) {
    return api.exchange(
        "POST",
        path,
        Map.of(
            "Authorization",
            "Bearer " + token,
            "Content-Type",
            "application/json",
            "Idempotency-Key",
            "bola-" + UUID.randomUUID()),
        Api.JSON.writeValueAsBytes(body));
  }

  /** Retried for 60 s while the service has not learned the org or member from the events. */
  private Response await(String method, String path, String token, Object body)
      throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    Response last;
    do {
      last =
          method.equals("POST")
              ? post(token, path, body)
              : api.send(method, path, token, body, null);
      if (last.status() / 100 == 2) {
        return last;
      }
      Thread.sleep(500);
    } while (System.nanoTime() < deadline);
    throw new AssertionError(method + " " + path + ": " + last.status() + " " + last.body());
  }

  static String created(Response response) {
    if (response.status() / 100 != 2 || response.json().get("id") == null) {
      throw new AssertionError("not created: " + response.status() + " " + response.body());
    }
    return response.json().get("id").asString();
  }

  static Response ok(Response response) {
    if (response.status() / 100 != 2) {
      throw new AssertionError(response.status() + " " + response.body());
    }
    return response;
  }

  static byte[] multipart(
      String boundary, String field, String filename, String type, byte[] content) {
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + field
            + "\"; filename=\""
            + filename
            + "\"\r\nContent-Type: "
            + type
            + "\r\n\r\n";
    String tail = "\r\n--" + boundary + "--\r\n";
    byte[] h = head.getBytes(StandardCharsets.UTF_8);
    byte[] t = tail.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[h.length + content.length + t.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(content, 0, all, h.length, content.length);
    System.arraycopy(t, 0, all, h.length + content.length, t.length);
    return all;
  }
}
