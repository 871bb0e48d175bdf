package cn.dangjian.member.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.events.member.Occupation;
import cn.dangjian.member.ApiTestSupport;
import cn.dangjian.member.privacy.ChineseIdNumber;
import cn.dangjian.platform.time.PartyCalendar;
import cn.dangjian.testsupport.Eventually;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The read model against the system of record: a random sequence of registrations, updates, deaths,
 * flags and transfers through the API, then every member figure of the committee's subtree equals a
 * count taken from member-service's own tables with SQL written independently.
 */
class StatisticsReconciliationIT extends ApiTestSupport {

  private static final String[] STAGES = {
    "FULL", "FULL", "FULL", "PROBATIONARY", "APPLICANT", "ACTIVIST"
  };
  private static final String[] EDUCATION = {"本科", "大专", "硕士研究生", "高中", "初中", null};
  private static final String[] ETHNICITY = {"汉族", "汉族", "汉族", "回族", "壮族", null};

  @Autowired JdbcTemplate sql;
  @Autowired Clock clock;

  @Test
  void everyMemberFigureEqualsTheCountInTheMemberTablesAfterARandomSequence() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<UUID> branches = List.of(branchA, branchB);
    List<UUID> members = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      members.add(register(random, branches.get(random.nextInt(2))));
    }
    int deaths = 0;
    int transfers = 0;
    for (int i = 0; i < 16; i++) {
      UUID member = members.get(random.nextInt(members.size()));
      switch (i % 4) {
        case 0 -> update(member, random);
        case 1 -> lostContact(member);
        case 2 -> deaths += died(member) ? 1 : 0;
        default -> transfers += transfer(members, random) ? 1 : 0;
      }
    }
    assertThat(deaths).as("deaths recorded").isPositive();
    assertThat(transfers).as("transfers received").isPositive();
    YearMonth now = PartyCalendar.thisMonth(clock);
    String path =
        sql.queryForObject(
            "SELECT path FROM org_unit WHERE id = ?",
            String.class,
            cn.dangjian.platform.persistence.Uuids.bytes(committee));
    Map<String, Long> expected = fromMemberTables(path, now);
    Map<String, Long> actual =
        Eventually.await(
            () -> {
              Map<String, Long> figures = fromStatistics(now);
              return figures.equals(expected) ? Optional.of(figures) : Optional.empty();
            },
            java.time.Duration.ofSeconds(30));
    assertThat(actual).as("seed %d", seed).isEqualTo(expected).containsKey("MEMBERS:ALL");
  }

  /** Counts with SQL on member and member_flag, written apart from the read model's rules. */
  private Map<String, Long> fromMemberTables(String path, YearMonth now) {
    String members =
        " FROM member m WHERE m.org_path LIKE CONCAT(?, '%') AND m.status = 'ACTIVE'"
            + " AND m.stage IN ('FULL','PROBATIONARY')";
    Map<String, Long> counts = new TreeMap<>();
    counts.put("MEMBERS:ALL", sql.queryForObject("SELECT COUNT(*)" + members, Long.class, path));
    for (String column : List.of("gender", "education_level", "occupation", "stage")) {
      String dim =
          Map.of(
                  "gender",
                  "GENDER",
                  "education_level",
                  "EDUCATION",
                  "occupation",
                  "OCCUPATION",
                  "stage",
                  "STAGE")
              .get(column);
      sql.query(
          "SELECT m." + column + ", COUNT(*)" + members + " GROUP BY m." + column,
          rs -> {
            counts.put(dim + ":" + rs.getString(1), rs.getLong(2));
          },
          path);
    }
    sql.query(
        "SELECT CASE WHEN m.ethnicity IS NULL OR m.ethnicity = '' THEN 'UNSPECIFIED'"
            + " WHEN m.ethnicity = '汉族' THEN 'HAN' ELSE 'MINORITY' END e, COUNT(*)"
            + members
            + " GROUP BY e",
        rs -> {
          counts.put("ETHNICITY:" + rs.getString(1), rs.getLong(2));
        },
        path);
    LocalDate monthStart = now.atDay(1);
    sql.query(
        "SELECT TIMESTAMPDIFF(MONTH, DATE_FORMAT(m.birth_date, '%Y-%m-01'), ?) DIV 12 age, COUNT(*)"
            + members
            + " GROUP BY age",
        rs -> {
          int age = rs.getInt(1);
          String band =
              age <= 30
                  ? "UP_TO_30"
                  : age <= 35
                      ? "31_35"
                      : age <= 40
                          ? "36_40"
                          : age <= 45
                              ? "41_45"
                              : age <= 50
                                  ? "46_50"
                                  : age <= 55
                                      ? "51_55"
                                      : age <= 60 ? "56_60" : age <= 70 ? "61_70" : "71_PLUS";
          counts.merge("AGE_BAND:" + band, rs.getLong(2), Long::sum);
        },
        java.sql.Date.valueOf(monthStart),
        path);
    sql.query(
        "SELECT m.stage, COUNT(*) FROM member m WHERE m.org_path LIKE CONCAT(?, '%')"
            + " AND m.status = 'ACTIVE' AND m.stage NOT IN ('FULL','PROBATIONARY') GROUP BY m.stage",
        rs -> {
          counts.put("PIPELINE:" + rs.getString(1), rs.getLong(2));
        },
        path);
    long lost =
        sql.queryForObject(
            "SELECT COUNT(DISTINCT f.member_id)"
                + members.replace(
                    "FROM member m",
                    "FROM member m JOIN member_flag f ON f.member_id = m.id AND f.flag = 'LOST_CONTACT' AND f.cleared_on IS NULL"),
            Long.class,
            path);
    if (lost > 0) {
      counts.put("FLAG:LOST_CONTACT", lost);
    }
    return counts;
  }

  private Map<String, Long> fromStatistics(YearMonth now) {
    try {
      JsonNode figures =
          read(
              as(
                      admin,
                      get("/api/statistics/members")
                          .param("orgId", committee.toString())
                          .param("asOf", now.toString()))
                  .andExpect(status().isOk()));
      Map<String, Long> counts = new TreeMap<>();
      for (JsonNode group : figures.get("groups")) {
        String dim = group.get("dimension").asString();
        if (!List.of(
                "MEMBERS",
                "GENDER",
                "EDUCATION",
                "OCCUPATION",
                "STAGE",
                "ETHNICITY",
                "AGE_BAND",
                "PIPELINE",
                "FLAG")
            .contains(dim)) {
          continue;
        }
        for (JsonNode v : group.get("values")) {
          if (v.get("count").asLong() > 0
              && !(dim.equals("FLAG") && v.get("value").asString().equals("MOBILE"))) {
            counts.put(dim + ":" + v.get("value").asString(), v.get("count").asLong());
          }
        }
      }
      return counts;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private UUID register(Random random, UUID branch) throws Exception {
    LocalDate birth =
        LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28));
    String idNumber =
        ChineseIdNumber.withCheckDigit(
            "110105"
                + birth.toString().replace("-", "")
                + String.format("%03d", SERIAL.incrementAndGet() % 1000));
    String stage = STAGES[random.nextInt(STAGES.length)];
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orgId", branch.toString());
    body.put("name", "统计党员" + SERIAL.get());
    body.put("gender", random.nextBoolean() ? "FEMALE" : "MALE");
    body.put("ethnicity", ETHNICITY[random.nextInt(ETHNICITY.length)]);
    body.put("birthDate", birth.toString());
    body.put("idNumber", idNumber);
    body.put("education", EDUCATION[random.nextInt(EDUCATION.length)]);
    body.put("occupation", Occupation.values()[random.nextInt(Occupation.values().length)].name());
    body.put("stage", stage);
    body.put("duesCategory", "EMPLOYED");
    if (stage.equals("FULL")) {
      // admitted at 20 (the register refuses anyone admitted under 18), full a year later
      body.put("joinDate", birth.plusYears(20).toString());
      body.put("fullMemberDate", birth.plusYears(21).toString());
    } else if (stage.equals("PROBATIONARY")) {
      body.put("joinDate", PartyCalendar.today(clock).minusMonths(3).toString());
    }
    return id(
        read(
            as(
                    admin,
                    post("/api/members")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isCreated())));
  }

  private JsonNode current(UUID member) throws Exception {
    return read(as(admin, get("/api/members/" + member)));
  }

  private void update(UUID member, Random random) throws Exception {
    JsonNode m = current(member);
    if (m.get("status").asString().equals("DECEASED")) {
      return;
    }
    Map<String, Object> body = new HashMap<>();
    body.put("name", m.get("name").asString());
    body.put("gender", random.nextBoolean() ? "FEMALE" : "MALE");
    body.put("duesCategory", m.get("duesCategory").asString());
    body.put("education", EDUCATION[random.nextInt(EDUCATION.length - 1)]);
    body.put("occupation", Occupation.values()[random.nextInt(Occupation.values().length)].name());
    as(
            admin,
            put("/api/members/" + member)
                .header("If-Match", "\"" + m.get("version").asLong() + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)))
        .andExpect(status().isOk());
  }

  private void lostContact(UUID member) throws Exception {
    as(
        admin,
        post("/api/members/" + member + "/flags")
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"flag\":\"LOST_CONTACT\",\"startedOn\":\""
                    + PartyCalendar.today(clock)
                    + "\",\"reason\":\"联系不上\"}"));
  }

  private boolean died(UUID member) throws Exception {
    JsonNode m = current(member);
    if (!m.get("status").asString().equals("ACTIVE")) {
      return false;
    }
    String body =
        "{\"status\":\"DECEASED\",\"effectiveOn\":\""
            + PartyCalendar.today(clock)
            + "\",\"reason\":\"病故\"}";
    return as(
                admin,
                post("/api/members/" + member + "/status")
                    .header("If-Match", "\"" + m.get("version").asLong() + "\"")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andReturn()
            .getResponse()
            .getStatus()
        == 200;
  }

  /** Moves an active party member (the first a random pick finds) to the other branch. */
  private boolean transfer(List<UUID> members, Random random) throws Exception {
    JsonNode m = null;
    for (int tries = 0; tries < members.size() && m == null; tries++) {
      JsonNode candidate = current(members.get(random.nextInt(members.size())));
      if (List.of("FULL", "PROBATIONARY").contains(candidate.get("stage").asString())
          && candidate.get("status").asString().equals("ACTIVE")) {
        m = candidate;
      }
    }
    if (m == null) {
      return false;
    }
    UUID to = m.get("orgId").asString().equals(branchA.toString()) ? branchB : branchA;
    String today = PartyCalendar.today(clock).toString();
    String request =
        "{\"memberId\":\""
            + m.get("id").asString()
            + "\",\"direction\":\"INTERNAL\",\"toOrgId\":\""
            + to
            + "\",\"reason\":\"工作调动\",\"requestedOn\":\""
            + today
            + "\"}";
    JsonNode t =
        read(
            as(
                    admin,
                    post("/api/members/transfers")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(request))
                .andExpect(status().isCreated()));
    int last = 0;
    for (String step : List.of("approve-out", "issue", "receive")) {
      String body =
          step.equals("issue")
              ? "{\"on\":\"" + today + "\",\"letterNo\":\"统转" + SERIAL.incrementAndGet() + "\"}"
              : "{\"on\":\"" + today + "\"}";
      last =
          as(
                  admin,
                  post("/api/members/transfers/" + t.get("id").asString() + "/" + step)
                      .contentType(MediaType.APPLICATION_JSON)
                      .content(body))
              .andReturn()
              .getResponse()
              .getStatus();
    }
    return last == 200;
  }
}
