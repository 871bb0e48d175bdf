package cn.dangjian.bench.platform;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read and write mix of a branch secretary's console and the members' mini-program, as a
 * Gatling simulation (open model: a new user per action at the step's rate). Each step is a
 * scenario of its own, run after the previous one, and wraps its actions in a group of the step's
 * name, so the report has one line per path and rate; each request's time also goes to {@link
 * StepLatencies} for the bench's own tables. Mix (weights): member page of a branch 20, member by
 * id 15, own bills (member) 15, arrears of a branch 10, meetings of a branch 10, alerts of a branch
 * 10, dues payment (offline, Idempotency-Key) 8, meeting plan 6, phone update (GET for the ETag,
 * then PUT with If-Match) 6.
 */
public class ConsoleSimulation extends Simulation {

  /** Set by the bench before Gatling instantiates the class. */
  static volatile LoadPlan plan;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public ConsoleSimulation() {
    LoadPlan p = plan;
    HttpProtocolBuilder protocol =
        http.disableWarmUp()
            .shareConnections()
            .acceptHeader("application/json")
            .disableCaching()
            .userAgentHeader("dangjian-platform-bench");
    List<PopulationBuilder> populations = new ArrayList<>();
    for (LoadPlan.Step step : p.steps()) {
      populations.add(
          scenario(step.name())
              .exec(mix(p, step))
              .injectOpen(constantUsersPerSec(step.rate()).during(step.seconds())));
    }
    // one after the other: p0 andThen (p1 andThen (p2 ...))
    PopulationBuilder chain = populations.get(populations.size() - 1);
    for (int i = populations.size() - 2; i >= 0; i--) {
      chain = populations.get(i).andThen(chain);
    }
    int total = p.steps().stream().mapToInt(LoadPlan.Step::seconds).sum();
    setUp(chain).protocols(protocol).maxDuration(Duration.ofSeconds(total * 3L + 120));
  }

  private static ChainBuilder mix(LoadPlan p, LoadPlan.Step step) {
    boolean gw = step.throughGateway();
    String member = p.base("member-service", gw);
    String dues = p.base("dues-service", gw);
    String orglife = p.base("org-life-service", gw);
    String alerts = p.base("alert-service", gw);
    String name = step.name();
    String secretary = "Bearer #{secretary}";
    return feed(p.feeder())
        .exec(
            session -> {
              LoadPlan.started(name);
              return session;
            })
        .exec(
            group(name)
                .on(
                    randomSwitch()
                        .on(
                            percent(20)
                                .then(
                                    timed(
                                        name,
                                        "member page of a branch",
                                        http("member page of a branch")
                                            .get(
                                                member
                                                    + "/api/members?orgId=#{branch}&page=0&size=20")
                                            .header("Authorization", secretary))),
                            percent(15)
                                .then(
                                    timed(
                                        name,
                                        "member by id",
                                        http("member by id")
                                            .get(member + "/api/members/#{member}")
                                            .header("Authorization", secretary))),
                            percent(15)
                                .then(
                                    timed(
                                        name,
                                        "own bills (member)",
                                        http("own bills (member)")
                                            .get(dues + "/api/dues/bills?memberId=#{member}")
                                            .header("Authorization", "Bearer #{memberToken}"))),
                            percent(10)
                                .then(
                                    timed(
                                        name,
                                        "arrears of a branch",
                                        http("arrears of a branch")
                                            .get(dues + "/api/dues/arrears?orgId=#{branch}")
                                            .header("Authorization", secretary))),
                            percent(10)
                                .then(
                                    timed(
                                        name,
                                        "meetings of a branch",
                                        http("meetings of a branch")
                                            .get(orglife + "/api/org-life/meetings?orgId=#{branch}")
                                            .header("Authorization", secretary))),
                            percent(10)
                                .then(
                                    timed(
                                        name,
                                        "alerts of a branch",
                                        http("alerts of a branch")
                                            .get(alerts + "/api/alerts?orgId=#{branch}")
                                            .header("Authorization", secretary))),
                            percent(8).then(payment(p, name, dues, secretary)),
                            percent(6)
                                .then(
                                    timed(
                                        name,
                                        "meeting plan",
                                        http("meeting plan")
                                            .post(orglife + "/api/org-life/meetings")
                                            .header("Authorization", secretary)
                                            .header("Content-Type", "application/json")
                                            .body(
                                                StringBody(
                                                    "{\"orgId\":\"#{branch}\",\"type\":\"THEMED_PARTY_DAY\","
                                                        + "\"title\":\"主题党日（压测）\",\"startsAt\":\"#{startsAt}\","
                                                        + "\"endsAt\":\"#{endsAt}\",\"place\":\"党员活动室\"}")))),
                            percent(6).then(phoneUpdate(name, member, secretary)))))
        .exec(
            session -> {
              LoadPlan.finished(name);
              return session;
            });
  }

  /** A request whose response time goes to {@link StepLatencies} under the step. */
  private static ChainBuilder timed(
      String step, String requestName, HttpRequestActionBuilder request) {
    return exec(request.check(responseTimeInMillis().saveAs("rt")))
        .exec(session -> StepLatencies.record(step, requestName, session));
  }

  /** Offline payment of the next unpaid bill of one of the branch's members. */
  private static ChainBuilder payment(LoadPlan p, String step, String dues, String secretary) {
    return exec(session -> {
          LoadPlan.UnpaidBill bill = p.nextUnpaid(session.getString("branch"));
          // none left: pay the sampled member's November again (answered 409, shown as KO)
          return bill == null
              ? session.set("payMember", session.getString("member")).set("payMonth", "2026-11")
              : session.set("payMember", bill.memberId().toString()).set("payMonth", bill.month());
        })
        .exec(
            timed(
                step,
                "dues payment (offline)",
                http("dues payment (offline)")
                    .post(dues + "/api/dues/payments")
                    .header("Authorization", secretary)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "#{receipt}")
                    .body(
                        StringBody(
                            "{\"memberId\":\"#{payMember}\",\"months\":[\"#{payMonth}\"],"
                                + "\"channel\":\"OFFLINE\",\"receiptNo\":\"#{receipt}\"}"))));
  }

  /** What the console does to change a phone: read the member (ETag), PUT it back changed. */
  private static ChainBuilder phoneUpdate(String step, String member, String secretary) {
    return exec(timed(
            step,
            "member for edit",
            http("member for edit")
                .get(member + "/api/members/#{member}")
                .header("Authorization", secretary)
                .check(header("ETag").saveAs("etag"), bodyString().saveAs("memberJson"))))
        .doIf(session -> session.contains("etag"))
        .then(
            timed(
                step,
                "member phone update",
                http("member phone update")
                    .put(member + "/api/members/#{member}")
                    .header("Authorization", secretary)
                    .header("Content-Type", "application/json")
                    .header("If-Match", "#{etag}")
                    .body(StringBody(ConsoleSimulation::updatedMember))));
  }

  /** The UpdateMember body: the fields as read, with the new phone. */
  private static String updatedMember(Session session) {
    JsonNode read = JSON.readTree(session.getString("memberJson"));
    Map<String, Object> body = new LinkedHashMap<>();
    for (String field : List.of("name", "gender", "ethnicity", "education", "workplace")) {
      if (!read.path(field).isNull() && !read.path(field).isMissingNode()) {
        body.put(field, read.path(field).asString());
      }
    }
    body.put("phone", session.getString("phone"));
    body.put("duesCategory", read.path("duesCategory").asString());
    return JSON.writeValueAsString(body);
  }
}
