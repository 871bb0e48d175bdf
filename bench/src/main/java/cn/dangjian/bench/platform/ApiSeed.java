package cn.dangjian.bench.platform;

import cn.dangjian.bench.IdNumbers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small data set made through the services' own write paths, as an admin console would: a
 * committee, its branches and their members in member-service; dues-service, org-life-service and
 * alert-service learn them from member.events; then each member's dues assessment and the bills of
 * January–November 2026 (unpaid, so the payment writes have bills to pay). Used when no generated
 * province is given ({@code --data=api}); slow per member, so for development-size runs only.
 */
final class ApiSeed {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final PlatformStack stack;
  private final String admin;

  ApiSeed(PlatformStack stack) {
    this.stack = stack;
    this.admin =
        stack
            .keycloak()
            .token()
            .roles("platform-admin")
            .username("bench-seed-admin")
            .lifetime(Duration.ofHours(4))
            .build();
  }

  Fixture seed(int branches, int membersPerBranch, long seed) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    String member = stack.service("member-service").baseUrl();
    UUID root = create(member, null, "压测县委", "PARTY_COMMITTEE");
    List<Fixture.Branch> made = new ArrayList<>();
    int sequence = 0;
    for (int b = 0; b < branches; b++) {
      UUID branch = create(member, root, "压测第" + b + "党支部", "BRANCH");
      List<UUID> ids = new ArrayList<>();
      for (int m = 0; m < membersPerBranch; m++) {
        LocalDate birth = LocalDate.of(1950 + random.nextInt(40), 1 + random.nextInt(12), 1);
        birth = birth.plusDays(random.nextInt(28));
        boolean male = random.nextBoolean();
        sequence = (sequence + 1) % 500;
        String idNumber =
            IdNumbers.of(
                IdNumbers.first17(
                    110101 + random.nextInt(80), birth, sequence * 2 + (male ? 1 : 0)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orgId", branch.toString());
        body.put("name", "党员" + b + "-" + m);
        body.put("gender", male ? "MALE" : "FEMALE");
        body.put("ethnicity", "汉族");
        body.put("birthDate", birth.toString());
        body.put("idNumber", idNumber);
        body.put("phone", "138" + String.format("%08d", random.nextInt(100_000_000)));
        body.put("education", "本科");
        body.put("workplace", "压测单位");
        body.put("stage", "FULL");
        body.put("duesCategory", "EMPLOYED");
        body.put("joinDate", "2010-07-01");
        body.put("fullMemberDate", "2011-07-01");
        ids.add(id(call(member, "POST", "/api/members", body, 201)));
      }
      made.add(new Fixture.Branch(branch, ids));
    }
    System.out.printf(
        "   seeded %d branches, %d members through member-service%n",
        branches, branches * membersPerBranch);
    String dues = stack.service("dues-service").baseUrl();
    for (Fixture.Branch branch : made) {
      for (UUID id : branch.memberIds()) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", id.toString());
        body.put("effectiveMonth", "2026-01");
        body.put("baseFen", 500_000 + random.nextInt(400_000));
        // dues-service learns the member from member.events: retry until it has
        callUntil(dues, "POST", "/api/dues/profiles", body, 201, Duration.ofSeconds(60));
      }
    }
    for (int month = 1; month <= 11; month++) {
      JsonNode job =
          call(
              dues,
              "POST",
              "/api/dues/bills/runs",
              Map.of("month", String.format("2026-%02d", month), "orgId", root.toString()),
              202);
      // each month's run is a job: the next step needs its bills
      String href = job.path("href").asString();
      while (job.path("status").asString().equals("QUEUED")
          || job.path("status").asString().equals("RUNNING")) {
        Thread.sleep(200);
        job = call(dues, "GET", href, null, 200);
      }
      if (!job.path("status").asString().equals("SUCCEEDED")) {
        throw new IllegalStateException("bill run job " + job);
      }
    }
    awaitProjection("org-life-service", "/api/org-life/meetings?orgId=" + made.get(0).orgId());
    awaitProjection("alert-service", "/api/alerts?orgId=" + made.get(0).orgId());
    System.out.println("   dues profiles and the bills of 2026-01..11 issued");
    return new Fixture(
        String.format(
            "seeded through the services' APIs: 1 committee, %d branches, %d members (FULL,"
                + " EMPLOYED), unpaid bills 2026-01..11",
            branches, branches * membersPerBranch),
        root,
        made);
  }

  private void awaitProjection(String service, String path) throws Exception {
    callUntil(stack.service(service).baseUrl(), "GET", path, null, 200, Duration.ofSeconds(60));
  }

  private UUID create(String base, UUID parent, String name, String type) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    if (parent != null) {
      body.put("parentId", parent.toString());
    }
    body.put("name", name + "-" + UUID.randomUUID().toString().substring(0, 8));
    body.put("type", type);
    return id(call(base, "POST", "/api/orgs", body, 201));
  }

  private static UUID id(JsonNode node) {
    return UUID.fromString(node.path("id").asString());
  }

  private JsonNode callUntil(
      String base, String method, String path, Object body, int expected, Duration limit)
      throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      try {
        return call(base, method, path, body, expected);
      } catch (IllegalStateException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(250);
      }
    }
  }

  private JsonNode call(String base, String method, String path, Object body, int expected)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + admin)
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
  }
}
