package cn.dangjian.devstack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Loads the demo organisation tree and members through the public API (as {@code admin}, via the
 * gateway), then links the demo users to them in Keycloak. Idempotent: an existing demo tree in the
 * database is reused, so a restart with kept data does not duplicate it. Then a year of the
 * branches' meetings, dues and the alerts they raise ({@link DemoHistory}), loaded once.
 *
 * <pre>
 * 示范县委 (PARTY_COMMITTEE)              ← admin (组织部), jiwei (县纪委)
 * └── 城关镇党委 (PARTY_COMMITTEE)        ← worker
 *     ├── 城关镇第一党支部 (BRANCH)        ← secretary-a; member1 is 张建国 here
 *     └── 城关镇第二党支部 (BRANCH)        ← secretary-b
 * </pre>
 */
public class DemoData {

  static final String ROOT = "示范县委";
  static final String TOWN = "城关镇党委";
  static final String BRANCH_A = "城关镇第一党支部";
  static final String BRANCH_B = "城关镇第二党支部";

  /** Demo members: name, ID number (valid check digit), stage, category, join, full. */
  private record DemoMember(
      String branch,
      String name,
      String gender,
      String idNumber,
      String stage,
      String category,
      String joinDate,
      String fullMemberDate) {}

  private static final DemoMember[] MEMBERS = {
    new DemoMember(
        BRANCH_A,
        "张建国",
        "MALE",
        idNumber("11010519800101001"),
        "FULL",
        "EMPLOYED",
        "2005-07-01",
        "2006-07-01"),
    new DemoMember(
        BRANCH_A,
        "李秀英",
        "FEMALE",
        idNumber("11010519850215002"),
        "FULL",
        "RETIRED",
        "2008-06-20",
        "2009-06-20"),
    new DemoMember(
        BRANCH_A,
        "王磊",
        "MALE",
        idNumber("11010519950320003"),
        "PROBATIONARY",
        "EMPLOYED",
        "2026-06-28",
        null),
    new DemoMember(
        BRANCH_A, "赵敏", "FEMALE", idNumber("11010520000412004"), "ACTIVIST", "STUDENT", null, null),
    new DemoMember(
        BRANCH_B,
        "陈立新",
        "MALE",
        idNumber("11010519720509005"),
        "FULL",
        "FARMER",
        "1998-07-01",
        "1999-07-01"),
    new DemoMember(
        BRANCH_B,
        "刘芳",
        "FEMALE",
        idNumber("11010519900618006"),
        "FULL",
        "EMPLOYED",
        "2016-07-01",
        "2017-07-01"),
    new DemoMember(
        BRANCH_B, "孙浩", "MALE", idNumber("11010519980725007"), "APPLICANT", "EMPLOYED", null, null),
  };

  /** Loads the demo data into a started platform. */
  public void load(Platform platform) {
    if (platform.service(DevstackConfig.MEMBER_SERVICE).isEmpty()
        || platform.service(DevstackConfig.GATEWAY).isEmpty()) {
      return;
    }
    KeycloakAdmin keycloak = platform.keycloakAdmin();
    String token = keycloak.userAccessToken("admin", DemoUsers.PASSWORD);
    String api = platform.gatewayUrl();

    String root =
        findOrg(api, token, null, ROOT)
            .orElseGet(() -> createOrg(api, token, null, ROOT, "PARTY_COMMITTEE"));
    String town =
        findOrg(api, token, root, TOWN)
            .orElseGet(() -> createOrg(api, token, root, TOWN, "PARTY_COMMITTEE"));
    String branchA =
        findOrg(api, token, town, BRANCH_A)
            .orElseGet(() -> createOrg(api, token, town, BRANCH_A, "BRANCH"));
    String branchB =
        findOrg(api, token, town, BRANCH_B)
            .orElseGet(() -> createOrg(api, token, town, BRANCH_B, "BRANCH"));
    Map<String, String> branches = Map.of(BRANCH_A, branchA, BRANCH_B, branchB);

    String member1 = null;
    for (DemoMember member : MEMBERS) {
      String id =
          findMember(api, token, member.idNumber())
              .orElseGet(() -> createMember(api, token, branches.get(member.branch()), member));
      if (member1 == null) {
        member1 = id;
      }
    }

    keycloak.setOrgAndMember("admin", root, null);
    keycloak.setOrgAndMember("secretary-a", branchA, null);
    keycloak.setOrgAndMember("secretary-b", branchB, null);
    keycloak.setOrgAndMember("worker", town, null);
    keycloak.setOrgAndMember("jiwei", root, null);
    keycloak.setOrgAndMember("member1", branchA, member1);

    new DemoHistory(
            new DemoApi(api),
            token,
            keycloak.userAccessToken("worker", DemoUsers.PASSWORD),
            LocalDate.now(ZoneId.of("Asia/Shanghai")))
        .load(town, branchA, branchB);
  }

  private Optional<String> findOrg(String api, String token, String parentId, String name) {
    String query =
        "/api/orgs?size=200&name="
            + URLEncoder.encode(name, StandardCharsets.UTF_8)
            + (parentId == null ? "" : "&parentId=" + parentId);
    JsonNode page = call(api, token, "GET", query, null, 200);
    for (JsonNode org : page.get("items")) {
      boolean rootWanted = parentId == null;
      boolean isRoot = org.get("parentId") == null || org.get("parentId").isNull();
      if (name.equals(org.get("name").asString()) && rootWanted == isRoot) {
        return Optional.of(org.get("id").asString());
      }
    }
    return Optional.empty();
  }

  private String createOrg(String api, String token, String parentId, String name, String type) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (parentId != null) {
      body.put("parentId", parentId);
    }
    body.put("name", name);
    body.put("type", type);
    return call(api, token, "POST", "/api/orgs", body, 201).get("id").asString();
  }

  private Optional<String> findMember(String api, String token, String idNumber) {
    JsonNode page = call(api, token, "GET", "/api/members?idNumber=" + idNumber, null, 200);
    return page.get("total").asLong() > 0
        ? Optional.of(page.get("items").get(0).get("id").asString())
        : Optional.empty();
  }

  private String createMember(String api, String token, String orgId, DemoMember m) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orgId", orgId);
    body.put("name", m.name());
    body.put("gender", m.gender());
    body.put("ethnicity", "汉族");
    body.put(
        "birthDate",
        m.idNumber().substring(6, 10)
            + "-"
            + m.idNumber().substring(10, 12)
            + "-"
            + m.idNumber().substring(12, 14));
    body.put("idNumber", m.idNumber());
    body.put("phone", "1380000" + m.idNumber().substring(13, 17));
    body.put("education", "本科");
    body.put("workplace", "城关镇");
    body.put("stage", m.stage());
    body.put("duesCategory", m.category());
    if (m.joinDate() != null) {
      body.put("joinDate", m.joinDate());
    }
    if (m.fullMemberDate() != null) {
      body.put("fullMemberDate", m.fullMemberDate());
    }
    return call(api, token, "POST", "/api/members", body, 201).get("id").asString();
  }

  private JsonNode call(
      String api, String token, String method, String path, Object body, int expected) {
    return new DemoApi(api).call(token, method, path, body, expected);
  }

  /** Appends the GB 11643 check digit. */
  static String idNumber(String first17) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    char[] check = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * weights[i];
    }
    return first17 + check[sum % 11];
  }
}
