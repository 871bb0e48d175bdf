package cn.dangjian.e2e;

import static cn.dangjian.e2e.BolaMatrixE2EIT.Who.ASSESSOR;
import static cn.dangjian.e2e.BolaMatrixE2EIT.Who.INTEGRATION;
import static cn.dangjian.e2e.BolaMatrixE2EIT.Who.MEMBER1;
import static cn.dangjian.e2e.BolaMatrixE2EIT.Who.SECRETARY_B;
import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.devstack.KeycloakAdmin;
import cn.dangjian.e2e.Api.Response;
import cn.dangjian.e2e.OpenApiDocs.Operation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Broken object level authorisation, route by route: every by-id route and every scoped list or
 * export of every service (read from the OpenAPI documents the gateway serves) is called with
 * branch A's objects by branch B's secretary, a member of A, the assessor and the integration
 * client; reads and writes. Each cell must be refused (403/404 problem+json) or answer only the
 * caller's own scope, and afterwards A's objects read exactly as before. A documented route without
 * a row here fails the test: a new route needs a decision.
 *
 * <p>Integration client: {@code DataScope.of} gives it ALL (platform-wide reads, by design — it
 * feeds reporting) and {@code ReadOnlyIntegration} refuses every non-GET/HEAD/OPTIONS request for a
 * caller whose only role is {@code integration}, so its reads are expected to succeed and its
 * writes to be 403.
 */
@Order(5)
class BolaMatrixE2EIT {

  /** The callers who attack branch A. */
  enum Who {
    SECRETARY_B,
    MEMBER1,
    ASSESSOR,
    INTEGRATION
  }

  /** What a cell must answer. */
  enum Expect {
    /** 403 or 404 problem+json, nothing of A in it. */
    DENY,
    /** A refusal as DENY, or 200 with nothing of A in it (own scope only). */
    SCOPED,
    /** 2xx: the caller may read this (integration platform-wide, a member his own record). */
    READ,
    /** Any 4xx problem+json without anything of A in it (see the row's reason). */
    REFUSED,
    /** A write the caller may make by design (see the row's reason): not sent, A stays as it is. */
    ALLOWED,
    /**
     * 202: a job was queued, and it ends FAILED (its rules refused the caller's rows): nothing
     * changed, and the job's problem holds nothing of A beyond what the caller sent.
     */
    JOB_FAILS
  }

  /**
   * One route: how to fill its parameters from A's objects (name → fixture key, or name:literal),
   * the body (null: generated from the schema with A's ids) and the expectation per caller.
   */
  record Row(
      String key,
      Map<String, String> params,
      Map<Who, Expect> expect,
      Map<Who, String> why,
      Function<BolaFixture, Object> body,
      String notCalled) {

    Row expect(Who who, Expect e, String reason) {
      Map<Who, Expect> x = new EnumMap<>(expect);
      x.put(who, e);
      Map<Who, String> w = new EnumMap<>(why);
      w.put(who, reason);
      return new Row(key, params, x, w, body, notCalled);
    }

    Row body(Function<BolaFixture, Object> b) {
      return new Row(key, params, expect, why, b, notCalled);
    }
  }

  private static Map<String, String> params(String... specs) {
    Map<String, String> p = new LinkedHashMap<>();
    for (String spec : specs) {
      int eq = spec.indexOf('=');
      int colon = spec.indexOf(':');
      if (eq > 0 && (colon < 0 || eq < colon)) {
        p.put(spec.substring(0, eq), spec.substring(eq + 1));
      } else {
        p.put(spec.substring(0, colon), ":" + spec.substring(colon + 1));
      }
    }
    return p;
  }

  private static Row row(String key, Expect b, Expect m, Expect a, Expect i, String... specs) {
    Map<Who, Expect> e = new EnumMap<>(Who.class);
    e.put(SECRETARY_B, b);
    e.put(MEMBER1, m);
    e.put(ASSESSOR, a);
    e.put(INTEGRATION, i);
    return new Row(key, params(specs), e, new EnumMap<>(Who.class), null, null);
  }

  /** A read of one of A's objects: nobody but the integration client may read it. */
  static Row read(String key, String... specs) {
    return row(key, Expect.DENY, Expect.DENY, Expect.DENY, Expect.READ, specs);
  }

  /** A write to one of A's objects (or a create into A): refused for every caller. */
  static Row write(String key, String... specs) {
    return row(key, Expect.DENY, Expect.DENY, Expect.DENY, Expect.DENY, specs);
  }

  /** A list or export filtered to A: empty or refused, the integration client reads it. */
  static Row list(String key, String... specs) {
    return row(key, Expect.SCOPED, Expect.SCOPED, Expect.SCOPED, Expect.READ, specs);
  }

  /** A route the matrix does not call, with the reason. */
  static Row notCalled(String key, String reason) {
    return new Row(key, Map.of(), new EnumMap<>(Who.class), new EnumMap<>(Who.class), null, reason);
  }

  static final String OWN_INBOX = "member1's own notification: reading and marking it is its right";

  static final String JOBS =
      "a job and its file are shown to who started it and to officers over its org, not machines";
  static final String EXPORTS =
      "exports and work lists are for staff (admin, secretary, party worker), not for machines";
  static final String PERSONAL = "unmasked personal data: platform admin and secretary, audited";
  static final String CONTACTS =
      "contact addresses in clear: only the notification sender's service account, audited";
  static final String NO_CASE =
      "A has no accountability case (two years at the bottom, see AssessmentE2EIT): random id";
  static final String NO_ELECTION =
      "A has no 换届 election in the fixture (it would need the 党委's approvals): random id";
  static final String NO_SANCTION =
      "A has no sanction in the fixture (it takes effect only with the 党委's approval): random id";
  static final String HOOKS = "webhook subscriptions and sweeps are run by staff";
  static final String DISCUSS = "a member takes part in his own branch's discussions";
  static final String TOWN_SYSTEM =
      "the town's indicator system, published to every org it assesses (B too): not A's";

  static final List<Row> MATRIX =
      List.of(
          // ---- member-service: orgs
          read("GET /api/orgs/{id}", "id=orgA"),
          read("GET /api/orgs/{id}/structure", "id=orgA"),
          read("GET /api/orgs/{id}/history", "id=orgA"),
          read("GET /api/orgs/{orgId}/committee"),
          list("GET /api/orgs", "parentId=town"),
          list("GET /api/orgs/export", "orgId=orgA").expect(INTEGRATION, Expect.DENY, EXPORTS),
          write("POST /api/orgs"),
          write("PUT /api/orgs/{id}/name", "id=orgA"),
          write("POST /api/orgs/{id}/move", "id=orgA"),
          write("POST /api/orgs/{id}/dissolve", "id=orgA"),
          write("POST /api/orgs/{orgId}/committee/terms"),
          write("POST /api/orgs/{orgId}/committee/postpone"),
          write("POST /api/orgs/{orgId}/committee/members"),
          write("POST /api/orgs/{orgId}/committee/members/{memberId}/leave", "memberId=colleague"),
          write("POST /api/orgs/{orgId}/committee/postponement-requests"),
          read("GET /api/orgs/{orgId}/committee/elections"),
          read(
                  "GET /api/orgs/{orgId}/committee/elections/{electionId}",
                  "electionId:" + UUID.randomUUID())
              .expect(INTEGRATION, Expect.DENY, NO_ELECTION),
          write("POST /api/orgs/{orgId}/committee/elections"),
          write(
              "POST /api/orgs/{orgId}/committee/elections/{electionId}/candidates",
              "electionId:" + UUID.randomUUID()),
          write(
              "POST /api/orgs/{orgId}/committee/elections/{electionId}/result",
              "electionId:" + UUID.randomUUID()),
          write(
              "POST /api/orgs/{orgId}/committee/elections/{electionId}/result-report",
              "electionId:" + UUID.randomUUID()),
          write("POST /api/orgs/import", "parentId=orgA"),
          // ---- member-service: members
          read("GET /api/members/{id}", "id=member"),
          read("GET /api/members/{id}/account", "id=member"),
          read("GET /api/members/{id}/flags", "id=member"),
          read("GET /api/members/{id}/status-history", "id=member"),
          read("GET /api/members/{id}/personal-data", "id=member", "reason:核对")
              .expect(INTEGRATION, Expect.DENY, PERSONAL),
          read("GET /api/members/{id}/personal-data/access-log", "id=member")
              .expect(INTEGRATION, Expect.DENY, PERSONAL),
          read("GET /api/members/{id}/contacts", "id=member", "reason:核对")
              .expect(INTEGRATION, Expect.DENY, CONTACTS),
          notCalled(
              "POST /api/members/me/wechat-binding",
              "binds the caller's own record (the token's member_id): no object of A in the route,"
                  + " and it would call WeChat"),
          read("GET /api/members/{memberId}/development", "memberId=applicant"),
          list("GET /api/members", "orgId=orgA"),
          list("GET /api/members/export", "orgId=orgA").expect(INTEGRATION, Expect.DENY, EXPORTS),
          write("POST /api/members").body(f -> TestData.member(uuid(f, "orgA"), "越权登记")),
          write("PUT /api/members/{id}", "id=member"),
          write("PUT /api/members/{id}/account", "id=member"),
          write("POST /api/members/{id}/status", "id=member"),
          write("POST /api/members/{id}/flags", "id=member"),
          write("DELETE /api/members/{id}/flags/{flag}", "id=member", "flag:MOBILE"),
          write("POST /api/members/{memberId}/development/steps", "memberId=applicant"),
          write("POST /api/members/{memberId}/development/requests", "memberId=applicant"),
          write("POST /api/members/{id}/status-requests", "id=member"),
          write("POST /api/members/{memberId}/dues-hardship-requests", "memberId=member")
              .body(
                  f ->
                      Map.of(
                          "kind",
                          "WAIVED",
                          "until",
                          java.time.LocalDate.now(BolaFixture.ZONE).plusMonths(6).toString(),
                          "reason",
                          "越权减免",
                          "vote",
                          Map.of(
                              "excludedWithApproval", 0,
                              "present", 3,
                              "approve", 3,
                              "oppose", 0,
                              "abstain", 0,
                              "writtenApprovals", 0))),
          write("POST /api/members/{memberId}/sanctions", "memberId=member")
              .body(
                  f ->
                      Map.of(
                          "kind",
                          "WARNING",
                          "issue",
                          "BOLA-SANCTION",
                          "reason",
                          "越权处分",
                          "vote",
                          Map.of(
                              "excludedWithApproval", 0,
                              "present", 3,
                              "approve", 3,
                              "oppose", 0,
                              "abstain", 0,
                              "writtenApprovals", 0))),
          read("GET /api/members/{memberId}/sanctions", "memberId=member"),
          read(
                  "GET /api/members/{memberId}/sanctions/{sanctionId}",
                  "memberId=member",
                  "sanctionId:" + UUID.randomUUID())
              .expect(INTEGRATION, Expect.DENY, NO_SANCTION),
          write("POST /api/members/{memberId}/unqualified-cases", "memberId=member")
              .body(
                  f ->
                      Map.of(
                          "trigger", "ARREARS_SIX_MONTHS",
                          "issue", "BOLA-CASE",
                          "measure", "CORRECTION",
                          "note", "越权处置")),
          read("GET /api/members/{memberId}/unqualified-cases", "memberId=member"),
          read(
              "GET /api/members/{memberId}/unqualified-cases/{caseId}",
              "memberId=member",
              "caseId=unqualifiedCase"),
          write(
              "POST /api/members/{memberId}/unqualified-cases/{caseId}/steps",
              "memberId=member",
              "caseId=unqualifiedCase"),
          write(
              "POST /api/members/{memberId}/unqualified-cases/{caseId}/requests",
              "memberId=member",
              "caseId=unqualifiedCase"),
          write(
              "POST /api/members/{memberId}/unqualified-cases/{caseId}/next-measure",
              "memberId=member",
              "caseId=unqualifiedCase"),
          list("GET /api/approvals", "orgId=orgA"),
          list("GET /api/approvals/counts"),
          read("GET /api/approvals/{id}", "id=approval"),
          write("POST /api/approvals/{id}/decisions", "id=approval"),
          write("POST /api/approvals/{id}/resubmission", "id=approval"),
          write("POST /api/approvals/{id}/withdrawal", "id=approval"),
          write("POST /api/members/personal-data/re-encryption", "orgId=orgA"),
          write("POST /api/members/classifications/republish", "orgId=orgA"),
          write("PUT /api/orgs/{id}/unit", "id=orgA"),
          // ---- member-service: 党内统计 of A's subtree
          read("GET /api/statistics/overview", "orgId=orgA"),
          read("GET /api/statistics/members", "orgId=orgA"),
          read("GET /api/statistics/orgs", "orgId=orgA"),
          read("GET /api/statistics/flows", "orgId=orgA"),
          read("GET /api/statistics/activity", "orgId=orgA"),
          read("GET /api/statistics/series", "orgId=orgA", "dimension:MEMBERS"),
          read("GET /api/statistics/records", "orgId=orgA", "dimension:MEMBERS", "asOf:2026-01"),
          read(
              "GET /api/statistics/annual-tables/{year}", "year:2026", "orgId=orgA", "format:json"),
          notCalled(
              "GET /api/statistics/status",
              "the read model's progress (events applied, last event time): no org's data"),
          write("POST /api/statistics/rebuild"),
          // before the import below: B's own failed import job echoes the org id B's file named
          list("GET /api/members/jobs"),
          write("POST /api/members/import")
              .expect(
                  SECRETARY_B,
                  Expect.JOB_FAILS,
                  "the import runs as a job; a row for an org outside the scope fails it, nothing"
                      + " imported"),
          write("POST /api/members/exports"),
          write("POST /api/orgs/exports"),
          read("GET /api/members/jobs/{id}", "id=memberJob").expect(INTEGRATION, Expect.DENY, JOBS),
          read("GET /api/members/jobs/{id}/file", "id=memberJob")
              .expect(INTEGRATION, Expect.DENY, JOBS),
          write("DELETE /api/members/jobs/{id}", "id=memberJob"),
          // ---- member-service: 流动党员 and 社区报到
          read("GET /api/members/mobile-certificates/{id}", "id=mobileCertificate"),
          read("GET /api/members/mobile-certificates/{id}/reports", "id=mobileCertificate"),
          list("GET /api/members/mobile-certificates", "memberId=member"),
          write("POST /api/members/mobile-certificates")
              .body(
                  f ->
                      Map.of(
                          "memberId",
                          uuid(f, "colleague").toString(),
                          "hostName",
                          "越权发证",
                          "place",
                          "外地",
                          "reason",
                          "WORK",
                          "fixedPlace",
                          false,
                          "awaySince",
                          java.time.LocalDate.now(BolaFixture.ZONE).toString(),
                          "issuedOn",
                          java.time.LocalDate.now(BolaFixture.ZONE).toString(),
                          "validUntil",
                          java.time.LocalDate.now(BolaFixture.ZONE).plusMonths(2).toString())),
          write("POST /api/members/mobile-certificates/{id}/renewal", "id=mobileCertificate"),
          write("POST /api/members/mobile-certificates/{id}/return", "id=mobileCertificate"),
          write("POST /api/members/mobile-certificates/{id}/reports", "id=mobileCertificate"),
          read("GET /api/members/community-registrations/{id}", "id=communityRegistration"),
          read(
              "GET /api/members/community-registrations/{id}/services", "id=communityRegistration"),
          list("GET /api/members/community-registrations", "memberId=member"),
          write("POST /api/members/community-registrations")
              .body(
                  f ->
                      Map.of(
                          "memberId", uuid(f, "colleague").toString(),
                          "communityOrgId", uuid(f, "town").toString(),
                          "registeredOn", java.time.LocalDate.now(BolaFixture.ZONE).toString())),
          write("POST /api/members/community-registrations/{id}/end", "id=communityRegistration"),
          write(
              "POST /api/members/community-registrations/{id}/services",
              "id=communityRegistration"),
          // ---- member-service: transfers
          read("GET /api/members/transfers/{id}", "id=transfer"),
          list("GET /api/members/transfers", "memberId=colleague"),
          write("POST /api/members/transfers"),
          write("POST /api/members/transfers/{id}/approve-out", "id=transfer"),
          write("POST /api/members/transfers/{id}/issue", "id=transfer"),
          write("POST /api/members/transfers/{id}/receive", "id=transfer"),
          write("POST /api/members/transfers/{id}/complete", "id=transfer"),
          write("POST /api/members/transfers/{id}/revoke", "id=transfer"),
          write("POST /api/members/transfers/{id}/reject", "id=transfer"),
          // ---- dues-service
          read("GET /api/dues/profiles/{id}", "id=profile"),
          read("GET /api/dues/bills/{id}", "id=bill"),
          read("GET /api/dues/payments/{id}", "id=payment"),
          read("GET /api/dues/arrears/members/{memberId}"),
          list("GET /api/dues/profiles", "memberId=member"),
          list("GET /api/dues/bills", "orgId=orgA"),
          list("GET /api/dues/bills/missing-profiles", "orgId=orgA")
              .expect(INTEGRATION, Expect.DENY, EXPORTS),
          list("GET /api/dues/payments", "orgId=orgA"),
          list("GET /api/dues/arrears", "orgId=orgA"),
          list("GET /api/dues/arrears/export", "orgId=orgA"),
          list("GET /api/dues/reports/monthly", "orgId=orgA"),
          list("GET /api/dues/reports/monthly/export", "orgId=orgA"),
          list("GET /api/dues/reports/yearly", "orgId=orgA"),
          list("GET /api/dues/reports/yearly/export", "orgId=orgA"),
          write("PUT /api/dues/profiles/{id}", "id=profile"),
          write("PUT /api/dues/profiles/{id}/hardship", "id=profile"),
          write("POST /api/dues/profiles"),
          write("POST /api/dues/payments"),
          write("POST /api/dues/payments/{id}/reversal", "id=payment"),
          write("POST /api/dues/bills/runs"),
          write("POST /api/dues/arrears/exports"),
          read("GET /api/dues/jobs/{id}", "id=duesJob").expect(INTEGRATION, Expect.DENY, JOBS),
          read("GET /api/dues/jobs/{id}/file", "id=duesJob").expect(INTEGRATION, Expect.DENY, JOBS),
          list("GET /api/dues/jobs"),
          write("DELETE /api/dues/jobs/{id}", "id=duesJob"),
          // the dues account (党费专户) of A: staff over A and platform-wide readers only; a member
          // of A reads only published years (the fixture publishes none, so 404 for everyone here)
          read("GET /api/dues/ledgers/{orgId}", "orgId=orgA"),
          read("GET /api/dues/ledgers/{orgId}/entries", "orgId=orgA", "year=year"),
          read("GET /api/dues/ledgers/{orgId}/years/{year}", "orgId=orgA", "year=year"),
          write("POST /api/dues/ledgers/{orgId}/interest", "orgId=orgA"),
          write("POST /api/dues/ledgers/{orgId}/expenses", "orgId=orgA"),
          write("POST /api/dues/ledgers/{orgId}/allocations", "orgId=orgA"),
          write(
              "POST /api/dues/ledgers/{orgId}/years/{year}/publication", "orgId=orgA", "year=year"),
          write("POST /api/dues/ledgers/remittance-runs")
              .body(f -> Map.of("quarter", "2025-Q4", "orgId", uuid(f, "orgA").toString())),
          // devstack's sandbox provider (dangjian.dues.sandbox.enabled): its order, its payer only
          read("GET /api/dues/sandbox/orders/{orderId}", "orderId=sandboxOrder")
              .expect(INTEGRATION, Expect.DENY, "a sandbox order is shown to its payer only"),
          write("POST /api/dues/sandbox/orders/{orderId}/complete", "orderId=sandboxOrder"),
          row(
                  "POST /api/dues/payments/callbacks/{provider}",
                  Expect.REFUSED,
                  Expect.REFUSED,
                  Expect.REFUSED,
                  Expect.REFUSED,
                  "provider:sandbox")
              .body(f -> Map.of("orderId", f.ids.getOrDefault("sandboxOrder", "x"), "paid", true)),
          // ---- org-life-service
          read("GET /api/org-life/meetings/{id}", "id=meeting"),
          read("GET /api/org-life/meetings/{id}/revisions", "id=meeting"),
          read("GET /api/org-life/meetings/{meetingId}/attachments", "meetingId=meeting"),
          read(
              "GET /api/org-life/meetings/{meetingId}/attachments/{attachmentId}",
              "meetingId=meeting",
              "attachmentId=attachment"),
          read("GET /api/org-life/discussions/{id}", "id=discussion")
              .expect(MEMBER1, Expect.READ, DISCUSS),
          read("GET /api/org-life/training/orgs/{orgId}"),
          read("GET /api/org-life/training/members/{memberId}"),
          read("GET /api/org-life/attendance/members/{memberId}"),
          read("GET /api/org-life/compliance/orgs/{orgId}"),
          list("GET /api/org-life/meetings", "orgId=orgA"),
          list("GET /api/org-life/discussions", "orgId=orgA").expect(MEMBER1, Expect.READ, DISCUSS),
          list("GET /api/org-life/talks", "orgId=orgA"),
          list("GET /api/org-life/talks/coverage", "orgId=orgA"),
          list("GET /api/org-life/appraisals", "orgId=orgA"),
          list("GET /api/org-life/compliance/summary", "orgId=orgA"),
          list("GET /api/org-life/compliance/requirements"),
          list("GET /api/org-life/training/lessons")
              .expect(
                  MEMBER1, Expect.READ, "his branch's micro-lessons are there for him to study"),
          write("PUT /api/org-life/meetings/{id}/record", "id=meeting"),
          write("POST /api/org-life/meetings/{id}/submit", "id=meeting"),
          write("POST /api/org-life/meetings/{id}/approve", "id=meeting"),
          write("POST /api/org-life/meetings/{id}/return", "id=meeting"),
          write("POST /api/org-life/meetings/{id}/archive", "id=meeting"),
          write("POST /api/org-life/meetings/{id}/cancel", "id=meeting"),
          write("POST /api/org-life/meetings/{id}/corrections", "id=meeting"),
          write("POST /api/org-life/meetings/{meetingId}/attachments", "meetingId=meeting"),
          write(
              "DELETE /api/org-life/meetings/{meetingId}/attachments/{attachmentId}",
              "meetingId=meeting",
              "attachmentId=attachment"),
          write("POST /api/org-life/meetings"),
          write("POST /api/org-life/discussions"),
          write("POST /api/org-life/discussions/{id}/posts", "id=discussion")
              .expect(MEMBER1, Expect.ALLOWED, DISCUSS),
          write("POST /api/org-life/discussions/{id}/votes", "id=discussion")
              .expect(MEMBER1, Expect.ALLOWED, DISCUSS),
          write("POST /api/org-life/discussions/{id}/close", "id=discussion"),
          write("POST /api/org-life/training/courses")
              .body(
                  f ->
                      Map.of(
                          "orgId",
                          f.id("orgA"),
                          "kind",
                          "CONCENTRATED",
                          "title",
                          "越权培训",
                          "startOn",
                          "2026-11-02",
                          "endOn",
                          "2026-11-02",
                          "hours",
                          2,
                          "memberIds",
                          List.of(f.id("member")))),
          write("POST /api/org-life/training/lessons"),
          write("POST /api/org-life/training/lessons/{id}/studies", "id=lesson")
              .expect(
                  SECRETARY_B,
                  Expect.REFUSED,
                  "the member is checked first: 422 'not in your scope or not a registered member'"),
          write("POST /api/org-life/talks"),
          write("POST /api/org-life/appraisals"),
          write(
              "PUT /api/org-life/compliance/requirements/{orgType}/{meetingType}",
              "orgType:BRANCH",
              "meetingType:COMMITTEE_MEETING"),
          // ---- assessment-service
          read("GET /api/assessments/indicator-systems/{id}", "id=indicatorSystem")
              .expect(SECRETARY_B, Expect.READ, TOWN_SYSTEM)
              .expect(MEMBER1, Expect.READ, TOWN_SYSTEM),
          read("GET /api/assessments/indicator-versions/{id}", "id=indicatorVersion")
              .expect(SECRETARY_B, Expect.READ, TOWN_SYSTEM)
              .expect(MEMBER1, Expect.READ, TOWN_SYSTEM),
          read("GET /api/assessments/cycles/{id}", "id=cycle"),
          read("GET /api/assessments/cycles/{id}/orgs", "id=cycle"),
          read("GET /api/assessments/cycles/{id}/orgs/{orgId}/result", "id=cycle"),
          read("GET /api/assessments/cycles/{id}/results", "id=cycle"),
          read("GET /api/assessments/cycles/{id}/weak-candidates", "id=cycle"),
          read("GET /api/assessments/cycles/{id}/publications", "id=cycle"),
          read("GET /api/assessments/accountability/{id}", "id:" + UUID.randomUUID())
              .expect(INTEGRATION, Expect.DENY, NO_CASE),
          read("GET /api/assessments/responsibility/tasks/{id}", "id=task"),
          read("GET /api/assessments/innovation-cases/{id}", "id=innovationCase"),
          read("GET /api/assessments/points/members/{memberId}"),
          read("GET /api/assessments/points/orgs/{orgId}/ranking")
              .expect(INTEGRATION, Expect.DENY, "rankings are for the org's own staff"),
          read("GET /api/assessments/points/orgs/{orgId}/branch-totals")
              .expect(INTEGRATION, Expect.DENY, "rankings are for the org's own staff"),
          read("GET /api/assessments/points/settings/{orgId}"),
          list("GET /api/assessments/indicator-systems"),
          list("GET /api/assessments/cycles", "year=year"),
          list("GET /api/assessments/accountability", "orgId=orgA"),
          list("GET /api/assessments/responsibility/lists", "orgId=orgA"),
          list("GET /api/assessments/innovation-cases", "orgId=orgA"),
          list("GET /api/assessments/innovation-cases/library"),
          list("GET /api/assessments/points/rules"),
          write("POST /api/assessments/indicator-systems"),
          write("POST /api/assessments/indicator-systems/{id}/versions", "id=indicatorSystem"),
          write("PUT /api/assessments/indicator-versions/{id}/indicators", "id=indicatorVersion")
              .body(
                  f ->
                      Map.of(
                          "indicators",
                          List.of(
                              Map.of(
                                  "code",
                                  "x",
                                  "name",
                                  "越权指标",
                                  "kind",
                                  "BASE",
                                  "weight",
                                  100,
                                  "method",
                                  "MANUAL",
                                  "scorer",
                                  "DEPARTMENT")))),
          write("POST /api/assessments/indicator-versions/{id}/publish", "id=indicatorVersion"),
          write("POST /api/assessments/cycles"),
          write("POST /api/assessments/cycles/{id}/assessors", "id=cycle"),
          write("POST /api/assessments/cycles/{id}/automatic-scores", "id=cycle"),
          write("PUT /api/assessments/cycles/{id}/scores", "id=cycle"),
          write("PUT /api/assessments/cycles/{id}/orgs/{orgId}/report", "id=cycle"),
          write("PUT /api/assessments/cycles/{id}/orgs/{orgId}/ballot", "id=cycle"),
          write("POST /api/assessments/cycles/{id}/compute", "id=cycle"),
          write("POST /api/assessments/cycles/{id}/reopen", "id=cycle"),
          write("POST /api/assessments/cycles/{id}/rectification-items", "id=cycle"),
          write("POST /api/assessments/cycles/{id}/publish", "id=cycle"),
          read("GET /api/assessments/jobs/{id}", "id=assessmentJob")
              .expect(INTEGRATION, Expect.DENY, JOBS),
          read("GET /api/assessments/jobs/{id}/file", "id=assessmentJob")
              .expect(INTEGRATION, Expect.DENY, JOBS),
          list("GET /api/assessments/jobs"),
          write("DELETE /api/assessments/jobs/{id}", "id=assessmentJob"),
          write("POST /api/assessments/cycles/{id}/corrections", "id=cycle"),
          write("PUT /api/assessments/accountability/{id}/talk", "id:" + UUID.randomUUID()),
          write("PUT /api/assessments/accountability/{id}/outcome", "id:" + UUID.randomUUID())
              .body(f -> Map.of("outcome", "RECTIFIED", "checkedOn", "2026-11-02", "note", "越权")),
          write("POST /api/assessments/responsibility/goals"),
          write("POST /api/assessments/responsibility/goals/{goalId}/tasks", "goalId=goal"),
          write("PUT /api/assessments/responsibility/tasks/{id}/progress", "id=task"),
          write("POST /api/assessments/responsibility/overdue-check"),
          write("POST /api/assessments/innovation-cases"),
          write("POST /api/assessments/innovation-cases/{id}/review", "id=innovationCase")
              .body(f -> Map.of("decision", "ACCEPT", "note", "越权")),
          write("POST /api/assessments/innovation-cases/selections"),
          write("POST /api/assessments/points/volunteer"),
          write("POST /api/assessments/points/volunteer/{id}/approve", "id=volunteer"),
          write("POST /api/assessments/points/volunteer/{id}/reject", "id=volunteer"),
          write("PUT /api/assessments/points/settings/{orgId}"),
          write("PUT /api/assessments/points/rules/{action}", "action:VOLUNTEER_SERVICE"),
          // ---- alert-service
          read("GET /api/alerts/{id}", "id=alert"),
          read("GET /api/alerts/{id}/history", "id=alert"),
          read("GET /api/alerts/webhooks/{id}/deliveries", "id=webhook")
              .expect(INTEGRATION, Expect.DENY, HOOKS),
          list("GET /api/alerts", "orgId=orgA"),
          list("GET /api/alerts/stats", "orgId=orgA"),
          list("GET /api/alerts/export", "orgId=orgA"),
          list("GET /api/alerts/webhooks").expect(INTEGRATION, Expect.DENY, HOOKS),
          list("GET /api/alerts/sweeps").expect(INTEGRATION, Expect.DENY, HOOKS),
          list("GET /api/alerts/rules"),
          list("GET /api/alerts/rules/{id}", "id:DUES_ARREARS"),
          write("POST /api/alerts/{id}/acknowledge", "id=alert"),
          write("POST /api/alerts/{id}/rectify", "id=alert"),
          write("POST /api/alerts/{id}/submit", "id=alert"),
          write("POST /api/alerts/{id}/review", "id=alert"),
          write("POST /api/alerts/{id}/dismiss", "id=alert"),
          write("POST /api/alerts/webhooks"),
          write("POST /api/alerts/webhooks/{id}/enable", "id=webhook"),
          // the subscription decides: another branch's caller meets 404 before the delivery
          write(
              "POST /api/alerts/webhooks/{id}/deliveries/{deliveryId}/redeliver",
              "id=webhook",
              "deliveryId:01a24eea-5ccb-70bf-b272-e5362729c258"),
          write("DELETE /api/alerts/webhooks/{id}", "id=webhook"),
          write("POST /api/alerts/sweeps"),
          write("POST /api/alerts/exports"),
          read("GET /api/alerts/jobs/{id}", "id=alertJob").expect(INTEGRATION, Expect.DENY, JOBS),
          read("GET /api/alerts/jobs/{id}/file", "id=alertJob")
              .expect(INTEGRATION, Expect.DENY, JOBS),
          list("GET /api/alerts/jobs"),
          write("DELETE /api/alerts/jobs/{id}", "id=alertJob"),
          notCalled(
              "POST /api/alerts/stream-tickets",
              "a ticket names no org: it stands for its buyer's own token (scope included);"
                  + " StreamTicketsIT proves a ticket stream carries only the buyer's subtree"),
          notCalled(
              "GET /api/alerts/stream",
              "SSE: each event is filtered by scope; AlertE2EIT proves B's stream never carries A's"
                  + " alert"),
          // 消息通知: an inbox is its member's own (the token's member_id), even for officers
          row("GET /api/notifications", Expect.SCOPED, Expect.READ, Expect.SCOPED, Expect.SCOPED),
          row(
              "GET /api/notifications/unread-count",
              Expect.SCOPED,
              Expect.READ,
              Expect.SCOPED,
              Expect.SCOPED),
          row(
                  "GET /api/notifications/{id}/deliveries",
                  Expect.DENY,
                  Expect.READ,
                  Expect.DENY,
                  Expect.DENY,
                  "id=notification")
              .expect(MEMBER1, Expect.READ, OWN_INBOX),
          row(
                  "POST /api/notifications/{id}/read",
                  Expect.DENY,
                  Expect.ALLOWED,
                  Expect.DENY,
                  Expect.DENY,
                  "id=notification")
              .expect(MEMBER1, Expect.ALLOWED, OWN_INBOX),
          row(
                  "DELETE /api/notifications/{id}",
                  Expect.DENY,
                  Expect.ALLOWED,
                  Expect.DENY,
                  Expect.DENY,
                  "id=notification")
              .expect(MEMBER1, Expect.ALLOWED, OWN_INBOX),
          notCalled(
              "POST /api/notifications/read-all",
              "names no object: it marks the caller's own inbox (NotificationsIT: 403 without"
                  + " member_id)"),
          row(
              "GET /api/notifications/preferences",
              Expect.SCOPED,
              Expect.READ,
              Expect.SCOPED,
              Expect.SCOPED),
          notCalled(
              "PUT /api/notifications/preferences",
              "names no object: it sets the caller's own choices (403 without member_id)"),
          notCalled(
              "GET /api/notifications/unsubscribe",
              "public by design: the signed token is the credential, bound to one member, kind and"
                  + " channel; a forged or altered token is 400 (UnsubscribeTokensTest,"
                  + " NotificationsIT)"),
          write("GET /api/notifications/templates"),
          write("PUT /api/notifications/templates/{kind}", "kind:MEETING_PLANNED"),
          write("POST /api/notifications/templates/{kind}/preview", "kind:MEETING_PLANNED"));

  private static UUID uuid(BolaFixture f, String key) {
    return UUID.fromString(f.id(key));
  }

  @Test
  void everyDocumentedRouteRefusesBranchAsObjectsToOtherCallersAndLeavesThemUnchanged()
      throws Exception {
    Api api = E2ePlatform.api();
    List<String> failures = run(api, E2ePlatform.keycloak(), System.out);
    assertThat(failures).as(String.join("\n", failures)).isEmpty();
  }

  /** The whole matrix against a running platform; returns the failed cells (empty: all good). */
  static List<String> run(Api api, KeycloakAdmin keycloak, java.io.PrintStream out)
      throws Exception {
    Map<String, Operation> operations = OpenApiDocs.byKey(OpenApiDocs.load(api));
    Map<String, Row> rows = new LinkedHashMap<>();
    for (Row row : MATRIX) {
      assertThat(rows.put(row.key(), row)).as("duplicate row " + row.key()).isNull();
    }
    List<String> failures = new ArrayList<>();
    Set<String> missing = new TreeSet<>(operations.keySet());
    missing.removeAll(rows.keySet());
    missing.forEach(k -> failures.add("no matrix row for documented route " + k));
    Set<String> stale = new TreeSet<>(rows.keySet());
    stale.removeAll(operations.keySet());
    stale.forEach(k -> failures.add("matrix row for a route no document has: " + k));

    BolaFixture fixture = new BolaFixture(api, keycloak).create();
    String secretaryA = fixture.token("secretary-a");
    Map<String, Response> before = snapshot(api, fixture, secretaryA);

    Map<Who, Set<String>> secrets = new EnumMap<>(Who.class);
    secrets.put(SECRETARY_B, fixture.secrets());
    secrets.put(ASSESSOR, fixture.secrets());
    secrets.put(MEMBER1, fixture.secrets("orgA", "member1Member"));
    secrets.put(INTEGRATION, Set.of());

    Tokens tokens = new Tokens(keycloak);
    int cells = 0;
    int assertions = 0;
    // controls: a refusal below means something only if the owner reads every object and the
    // attackers' tokens work at all (member1 reads his own record)
    for (Map.Entry<String, Response> owned : before.entrySet()) {
      assertions++;
      if (owned.getValue().status() != 200) {
        failures.add(
            "secretary-a cannot read A's " + owned.getKey() + ": " + owned.getValue().status());
      }
    }
    Response own = api.get("/api/members/" + fixture.id("member1Member"), tokens.get(MEMBER1));
    assertions++;
    if (own.status() != 200) {
      failures.add("member1 cannot read his own member record: " + own.status() + " " + own.body());
    }
    int called = 0;
    int allowed = 0;
    for (Row row : MATRIX) {
      Operation op = operations.get(row.key());
      if (op == null || row.notCalled() != null) {
        continue;
      }
      called++;
      for (Who who : Who.values()) {
        Expect expect = row.expect().get(who);
        String path = path(op, row, fixture);
        cells++;
        if (expect == Expect.ALLOWED) {
          allowed++;
          continue;
        }
        StringBuilder sent = new StringBuilder(path);
        Response response = call(api, op, row, fixture, sent, before, tokens.get(who));
        if (expect == Expect.JOB_FAILS && response.status() == 202) {
          response = endOf(api, response, tokens.get(who));
        }
        // an id the caller sent may come back in the problem ("instance", "detail"): not a leak
        Set<String> notSent = new java.util.HashSet<>(secrets.get(who));
        notSent.removeIf(x -> sent.indexOf(x) >= 0);
        List<String> problems = check(expect, response, notSent);
        assertions += 3;
        for (String p : problems) {
          failures.add(
              row.key()
                  + " as "
                  + who
                  + " (expected "
                  + expect
                  + (row.why().containsKey(who) ? ", " + row.why().get(who) : "")
                  + "): "
                  + p
                  + " — "
                  + response.status()
                  + " "
                  + abbreviate(response.body()));
        }
      }
    }

    Map<String, Response> after = snapshot(api, fixture, fixture.token("secretary-a"));
    for (Map.Entry<String, Response> b : before.entrySet()) {
      Response a = after.get(b.getKey());
      assertions++;
      if (a.status() != b.getValue().status()
          || !normalised(a.body()).equals(normalised(b.getValue().body()))) {
        failures.add(
            "branch A's "
                + b.getKey()
                + " changed:\nbefore "
                + b.getValue().status()
                + " "
                + b.getValue().body()
                + "\nafter  "
                + a.status()
                + " "
                + a.body());
      }
    }
    out.println(
        "[bola] matrix: "
            + rows.size()
            + " routes in the OpenAPI documents, "
            + called
            + " called × "
            + Who.values().length
            + " callers = "
            + cells
            + " cells; "
            + assertions
            + " assertions; "
            + allowed
            + " allowed-by-design writes not sent; "
            + before.size()
            + " objects of A re-read; "
            + failures.size()
            + " failures");
    return failures;
  }

  /** The path with A's ids in it and the row's query parameters. */
  static String path(Operation op, Row row, BolaFixture f) {
    String path = op.path();
    StringBuilder query = new StringBuilder();
    for (OpenApiDocs.Param p : op.params()) {
      String spec = row.params().get(p.name());
      String value;
      if (spec == null) {
        value =
            switch (p.name()) {
              case "orgId" -> p.in().equals("path") ? f.id("orgA") : null;
              case "memberId" -> p.in().equals("path") ? f.id("member") : null;
              default -> null;
            };
        if (value == null && p.in().equals("query") && p.required()) {
          value = defaultQuery(p.name(), f);
        }
        if (value == null && p.in().equals("query")) {
          value = optionalQuery(p.name(), f);
        }
      } else if (spec.startsWith(":")) {
        value = spec.substring(1);
      } else if (spec.equals("year")) {
        value = f.year;
      } else {
        value = f.id(spec);
      }
      if (value == null || p.in().equals("header")) {
        continue;
      }
      if (p.in().equals("path")) {
        path = path.replace("{" + p.name() + "}", value);
      } else if (p.in().equals("query")) {
        query
            .append(query.isEmpty() ? "?" : "&")
            .append(p.name())
            .append('=')
            .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
    if (path.contains("{")) {
      throw new AssertionError(row.key() + ": path parameter without a value: " + path);
    }
    return path + query;
  }

  private static String defaultQuery(String name, BolaFixture f) {
    return switch (name) {
      case "year" -> f.year;
      case "month", "period" -> f.month;
      case "reason" -> "核对";
      case "asOf" -> java.time.LocalDate.now(BolaFixture.ZONE).toString();
      default -> "1";
    };
  }

  /** Optional filters a list is narrowed with so that A's rows would be in the answer. */
  private static String optionalQuery(String name, BolaFixture f) {
    return switch (name) {
      case "year" -> f.year;
      case "month", "period" -> f.month;
      case "size" -> "100";
      default -> null;
    };
  }

  private static Response call(
      Api api,
      Operation op,
      Row row,
      BolaFixture f,
      StringBuilder sent,
      Map<String, Response> before,
      String token) {
    String path = sent.toString();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + token);
    byte[] body = null;
    if (!op.method().equals("GET")) {
      // the strongest attack: the object's current ETag, as its owner would send it
      String ifMatch = etag(row, before);
      headers.put("If-Match", ifMatch == null ? "\"0\"" : ifMatch);
      if (op.method().equals("POST")) {
        headers.put("Idempotency-Key", "bola-" + UUID.randomUUID());
      }
      if (op.bodyType() != null && op.bodyType().startsWith("multipart/")) {
        String boundary = "bola" + UUID.randomUUID();
        headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
        body =
            BolaFixture.multipart(
                boundary,
                "file",
                "x.csv",
                "text/csv",
                file(path, f).getBytes(StandardCharsets.UTF_8));
      } else if (op.bodyType() != null || row.body() != null) {
        headers.put("Content-Type", "application/json");
        Object value =
            row.body() != null
                ? row.body().apply(f)
                : OpenApiDocs.sample(op, op.bodySchema(), false, (n, s) -> valueFor(n, s, f), 0);
        body = Api.JSON.writeValueAsBytes(value);
      }
      if (body != null) {
        sent.append('\n').append(new String(body, StandardCharsets.UTF_8));
      }
    }
    return api.exchange(op.method(), path, headers, body);
  }

  /** An upload that would put something into A if the scope check let it through. */
  private static String file(String path, BolaFixture f) {
    if (path.startsWith("/api/orgs/import")) {
      return "临时编号,上级临时编号,上级组织ID,组织名称,组织类型\nT1,," + f.id("orgA") + ",越权支部,BRANCH\n";
    }
    if (path.startsWith("/api/members/import")) {
      Map<String, Object> m = TestData.member(uuid(f, "orgA"), "越权导入");
      return "所在组织ID,姓名,性别,出生日期,身份证号,发展阶段,党费类别,入党日期,转正日期\n"
          + String.join(
              ",",
              f.id("orgA"),
              "越权导入",
              "男",
              (String) m.get("birthDate"),
              (String) m.get("idNumber"),
              "正式党员",
              "在职",
              "2015-07-01",
              "2016-07-01")
          + "\n";
    }
    return "越权上传的附件";
  }

  private static String etag(Row row, Map<String, Response> before) {
    for (String spec : row.params().values()) {
      Response r = before.get(spec);
      if (r != null && r.header("ETag") != null) {
        return r.header("ETag");
      }
    }
    Response org = before.get("orgA");
    return org == null ? null : org.header("ETag");
  }

  /** Body values pointing at A's objects (or at B where the attack moves something to B). */
  static JsonNode valueFor(String name, JsonNode schema, BolaFixture f) {
    var n = OpenApiDocs.NODES;
    return switch (name) {
      case "orgId", "ownerOrgId", "rootOrgId", "parentId" -> n.stringNode(f.id("orgA"));
      case "toOrgId", "newParentId" -> n.stringNode(f.id("orgB"));
      case "memberId", "memberAId", "hostMemberId", "recorderMemberId", "ownerMemberId" ->
          n.stringNode(f.id("member"));
      case "memberBId" -> n.stringNode(f.id("colleague"));
      case "indicatorId" -> n.stringNode(f.id("indicator"));
      case "indicatorVersionId" -> n.stringNode(f.id("indicatorVersion"));
      case "meetingId" -> n.stringNode(f.id("meeting"));
      case "caseIds" -> array(f.id("innovationCase"));
      case "orgIds" -> array(f.id("orgA"));
      case "memberIds", "attendees", "expectedMemberIds", "people" -> array(f.id("member"));
      case "absentees", "guests" -> n.arrayNode();
      case "months" -> array(f.month);
      case "month", "effectiveMonth", "period" -> n.stringNode(f.month);
      case "year", "startYear", "endYear" -> n.numberNode(Integer.parseInt(f.year));
      case "idNumber" -> n.stringNode(TestData.idNumber());
      case "username" -> n.stringNode("bola-" + UUID.randomUUID().toString().substring(0, 8));
      case "url" -> n.stringNode("http://127.0.0.1:9/bola-attacker");
      case "phone" -> n.stringNode("13912345678");
      case "assessor" -> n.stringNode("assessor");
      case "option" -> n.numberNode(0);
      case "progress" -> n.numberNode(50);
      default -> null;
    };
  }

  private static ArrayNode array(String value) {
    return OpenApiDocs.NODES.arrayNode().add(value);
  }

  /** The job a 202 queued, read through its Location until it ends. */
  private static Response endOf(Api api, Response accepted, String token)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Response job;
    do {
      Thread.sleep(200);
      job = api.get(accepted.header("Location"), token);
      String status = job.json().path("status").asString();
      if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
        return job;
      }
    } while (System.nanoTime() < deadline);
    return job;
  }

  static List<String> check(Expect expect, Response r, Set<String> secrets) {
    List<String> problems = new ArrayList<>();
    if (r.status() >= 500) {
      problems.add("server error");
      return problems;
    }
    boolean refused = r.status() == 403 || r.status() == 404;
    String type = String.valueOf(r.header("Content-Type"));
    String leaked =
        secrets.stream()
            .filter(s -> r.body() != null && r.body().contains(s))
            .findFirst()
            .orElse(null);
    switch (expect) {
      case DENY -> {
        if (!refused) {
          problems.add("not refused");
        }
      }
      case SCOPED -> {
        if (!refused && r.status() != 200) {
          problems.add("neither refused nor 200");
        }
      }
      case READ -> {
        if (r.status() / 100 != 2) {
          problems.add("not readable");
        }
      }
      case ALLOWED -> throw new IllegalStateException("ALLOWED cells are not sent");
      case JOB_FAILS -> {
        if (r.status() != 200 || !r.json().path("status").asString().equals("FAILED")) {
          problems.add("not a failed job");
        }
      }
      case REFUSED -> {
        if (r.status() / 100 != 4) {
          problems.add("not a 4xx");
        }
      }
    }
    if (r.status() / 100 == 4 && !type.startsWith("application/problem+json")) {
      problems.add("4xx not problem+json (" + type + ")");
    }
    if (leaked != null && expect != Expect.READ) {
      problems.add("leaks " + leaked);
    }
    return problems;
  }

  /** Secretary A's view of every object of A, by fixture key. */
  static Map<String, Response> snapshot(Api api, BolaFixture f, String token) {
    Map<String, Response> snapshot = new LinkedHashMap<>();
    f.canonical.forEach((key, path) -> snapshot.put(key, api.get(path, token)));
    return snapshot;
  }

  /** Bodies compared without what moves by itself (request ids, timestamps of the answer). */
  static String normalised(String body) {
    // a webhook's delivery attempts count its failures by themselves
    return body == null
        ? ""
        : body.replaceAll("\"(requestId|traceId|timestamp)\":\"[^\"]*\"", "")
            .replaceAll("\"consecutiveFailures\":\\d+", "");
  }

  private static String abbreviate(String body) {
    if (body == null) {
      return "";
    }
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }

  /** Each caller's token, fetched again after a minute (Keycloak's tokens are short-lived). */
  static final class Tokens {
    private final KeycloakAdmin keycloak;
    private final Map<Who, String> tokens = new EnumMap<>(Who.class);
    private long fetchedAt;

    Tokens(KeycloakAdmin keycloak) {
      this.keycloak = keycloak;
    }

    String get(Who who) {
      if (System.nanoTime() - fetchedAt > 60_000_000_000L) {
        tokens.clear();
        fetchedAt = System.nanoTime();
      }
      return tokens.computeIfAbsent(
          who,
          w ->
              switch (w) {
                case SECRETARY_B -> keycloak.userAccessToken("secretary-b", E2ePlatform.PASSWORD);
                case MEMBER1 -> keycloak.userAccessToken("member1", E2ePlatform.PASSWORD);
                case ASSESSOR -> keycloak.userAccessToken("assessor", E2ePlatform.PASSWORD);
                case INTEGRATION -> keycloak.clientCredentialsToken();
              });
    }
  }
}
