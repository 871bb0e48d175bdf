package cn.dangjian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.devstack.KeycloakAdmin;
import cn.dangjian.e2e.Api.Response;
import cn.dangjian.e2e.OpenApiDocs.Operation;
import cn.dangjian.e2e.OpenApiDocs.Param;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad input for every operation of every service's OpenAPI document, through the gateway, as a
 * platform admin (so that authorisation hides no validation) and without a token: wrong JSON types,
 * missing and unknown fields, 100k and invisible strings, huge numbers, impossible dates, bad UUIDs
 * in path and query, wrong content types and multipart without a boundary. No answer may be a 5xx
 * or carry a stack trace or a Java class name, and every 4xx must be problem+json.
 */
@Order(9)
class BadInputRunE2EIT {

  static final int MAX_REQUESTS = 6_000;
  static final Duration TIME_LIMIT = Duration.ofMinutes(12);

  /** What must never reach a client: stack frames, exception and framework class names. */
  static final Pattern LEAK =
      Pattern.compile(
          "Exception|at (cn|java|jdk|org|com|io|tools)\\.[a-z]|tools\\.jackson|com\\.fasterxml|org\\.springframework"
              + "|org\\.hibernate|java\\.lang\\.|java\\.sql\\.|jakarta\\.|org\\.apache\\.|io\\.netty"
              + "|reactor\\.|\\bSQL(State)?\\b|\\.java:\\d+");

  static final String HUGE = "党".repeat(50_000) + "a".repeat(50_000);
  static final List<String> INVISIBLE = List.of("甲\u200B乙", "甲\u0000乙", "甲\u202E乙");
  static final String RAW = "\"__raw__";

  /** One request of the run and why it is bad. */
  record Attempt(
      String what, String method, String path, String contentType, byte[] body, boolean token) {}

  @Test
  void everyOperationAnswersBadInputWithAProblemAndNeverWithAServerError() throws Exception {
    List<String> defects = runAll(E2ePlatform.api(), E2ePlatform.keycloak(), System.out);
    assertThat(defects).as(String.join("\n", defects)).isEmpty();
  }

  /** The whole run; returns the defects found (empty: none). */
  static List<String> runAll(Api api, KeycloakAdmin keycloak, java.io.PrintStream out) {
    List<Operation> operations = OpenApiDocs.load(api);
    List<Attempt> attempts = new ArrayList<>();
    for (Operation op : operations) {
      attempts.addAll(attempts(op));
    }
    long started = System.nanoTime();
    long deadline = started + TIME_LIMIT.toNanos();
    String admin = null;
    long tokenAt = 0;
    int sent = 0;
    int serverErrors = 0;
    int leaks = 0;
    int notProblem = 0;
    Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
    List<String> defects = new ArrayList<>();
    List<String> accepted = new ArrayList<>();
    for (Attempt attempt : attempts) {
      if (sent >= MAX_REQUESTS || System.nanoTime() > deadline) {
        defects.add(
            "run bounded before the end: "
                + sent
                + " of "
                + attempts.size()
                + " requests sent (raise the bound or trim the mutations)");
        break;
      }
      if (admin == null || System.nanoTime() - tokenAt > 60_000_000_000L) {
        admin = keycloak.userAccessToken("admin", E2ePlatform.PASSWORD);
        tokenAt = System.nanoTime();
      }
      Map<String, String> headers = new LinkedHashMap<>();
      if (attempt.token()) {
        headers.put("Authorization", "Bearer " + admin);
      }
      if (attempt.contentType() != null) {
        headers.put("Content-Type", attempt.contentType());
      }
      if (attempt.method().equals("POST")) {
        headers.put("Idempotency-Key", "bad-" + UUID.randomUUID());
      }
      if (!attempt.method().equals("GET") && !attempt.method().equals("POST")) {
        headers.put("If-Match", "\"0\"");
      }
      Response r;
      try {
        r = api.exchange(attempt.method(), attempt.path(), headers, attempt.body());
      } catch (IllegalStateException e) {
        defects.add(describe(attempt) + ": no answer (" + e.getMessage() + ")");
        sent++;
        continue;
      }
      sent++;
      byStatus.merge(r.status(), 1, Integer::sum);
      if (r.status() / 100 == 2 && attempt.token()) {
        accepted.add(describe(attempt) + " → " + r.status());
      }
      List<String> found = defectsOf(r);
      for (String defect : found) {
        defects.add(describe(attempt) + ": " + defect);
      }
      serverErrors += r.status() >= 500 ? 1 : 0;
      leaks += found.stream().anyMatch(d -> d.contains("leaks")) ? 1 : 0;
      notProblem += found.stream().anyMatch(d -> d.contains(" as ")) ? 1 : 0;
    }
    out.println(
        "[bad-input] "
            + operations.size()
            + " operations, "
            + sent
            + " requests in "
            + Duration.ofNanos(System.nanoTime() - started).toSeconds()
            + " s; 5xx: "
            + serverErrors
            + ", leaks: "
            + leaks
            + ", 4xx not problem+json: "
            + notProblem
            + "; statuses "
            + byStatus);
    // not defects by themselves (a filter may ignore a value): listed so a reader can judge
    accepted.forEach(a -> out.println("[bad-input] accepted: " + a));
    return defects;
  }

  /** What is wrong with one answer: a 5xx, a leak, a 4xx that is not problem+json. */
  static List<String> defectsOf(Response r) {
    List<String> found = new ArrayList<>();
    String body = r.body() == null ? "" : r.body();
    if (r.status() >= 500) {
      found.add(r.status() + " " + abbreviate(body));
      return found;
    }
    java.util.regex.Matcher leak = LEAK.matcher(body);
    if (leak.find()) {
      found.add(r.status() + " body leaks '" + leak.group() + "': " + abbreviate(body));
    }
    String type = String.valueOf(r.header("Content-Type"));
    if (r.status() / 100 == 4 && !type.startsWith("application/problem+json")) {
      found.add(r.status() + " as " + type + ": " + abbreviate(body));
    }
    return found;
  }

  @Test
  void theChecksRecogniseAServerErrorAStackTraceAndAPlainTextRefusal() {
    Map<String, List<String>> problem = Map.of("Content-Type", List.of("application/problem+json"));
    Map<String, List<String>> text = Map.of("Content-Type", List.of("text/plain"));
    assertThat(defectsOf(new Response(500, problem, "{}", 1))).hasSize(1);
    assertThat(
            defectsOf(
                new Response(
                    400,
                    problem,
                    "{\"detail\":\"tools.jackson.databind.exc.MismatchedInputException\"}",
                    1)))
        .hasSize(1);
    assertThat(defectsOf(new Response(400, problem, "{\"detail\":\"\\tat cn.dangjian.X\"}", 1)))
        .hasSize(1);
    assertThat(defectsOf(new Response(415, text, "Unsupported Media Type", 1))).hasSize(1);
    assertThat(defectsOf(new Response(400, problem, "{\"detail\":\"请求体缺失或不是合法的 JSON\"}", 1)))
        .isEmpty();
  }

  private static String describe(Attempt a) {
    String path = a.path().length() > 120 ? a.path().substring(0, 120) + "…" : a.path();
    return a.method() + " " + path + " [" + a.what() + "]";
  }

  private static String abbreviate(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }

  /** Every bad request for one operation. */
  static List<Attempt> attempts(Operation op) {
    List<Attempt> list = new ArrayList<>();
    String method = op.method();
    boolean json = op.bodyType() != null && op.bodyType().contains("json");
    boolean multipart = op.bodyType() != null && op.bodyType().startsWith("multipart/");
    boolean stream = op.path().endsWith("/stream");
    byte[] valid = json ? bytes(validBody(op)) : null;
    String validType = json ? "application/json" : null;

    // no token: the valid request, anonymously
    list.add(new Attempt("no token", method, path(op, null, null), validType, valid, false));
    if (stream) {
      return list; // an SSE stream with a token never ends: only its refusals are probed
    }
    // bad values in path parameters
    for (Param p : op.in("path")) {
      for (String bad : badPathValues(p)) {
        list.add(
            new Attempt(
                "path " + p.name() + "=" + bad, method, path(op, p, bad), validType, valid, true));
      }
    }
    // bad values in query parameters
    for (Param p : op.in("query")) {
      for (String bad : badQueryValues(p)) {
        list.add(
            new Attempt(
                "query " + p.name() + "=" + shorten(bad),
                method,
                path(op, p, bad),
                validType,
                valid,
                true));
      }
    }
    String path = path(op, null, null);
    if (json) {
      JsonNode base = validBody(op);
      JsonNode schema = op.resolve(op.bodySchema());
      if (base instanceof ObjectNode object) {
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
          String name = property.getKey();
          JsonNode fieldSchema = op.resolve(property.getValue());
          boolean required = false;
          for (JsonNode r : schema.path("required")) {
            required |= r.asString().equals(name);
          }
          for (Map.Entry<String, String> bad : badFieldValues(fieldSchema).entrySet()) {
            ObjectNode mutated = object.deepCopy();
            mutated.put(name, bad.getValue());
            list.add(
                new Attempt(
                    name + ": " + bad.getKey(),
                    method,
                    path,
                    "application/json",
                    rawBytes(mutated),
                    true));
          }
          if (required) {
            ObjectNode mutated = object.deepCopy();
            mutated.remove(name);
            list.add(
                new Attempt(
                    name + " missing", method, path, "application/json", bytes(mutated), true));
            ObjectNode nulled = object.deepCopy();
            nulled.putNull(name);
            list.add(
                new Attempt(name + " null", method, path, "application/json", bytes(nulled), true));
          }
          // one level down: the first element of an array of objects
          JsonNode items = op.resolve(fieldSchema.path("items"));
          if (fieldSchema.path("type").asString("").equals("array")
              && items.has("properties")
              && object.path(name).path(0) instanceof ObjectNode element) {
            for (Map.Entry<String, JsonNode> inner : items.path("properties").properties()) {
              for (Map.Entry<String, String> bad :
                  badFieldValues(op.resolve(inner.getValue())).entrySet()) {
                if (!bad.getKey().startsWith("wrong type")) {
                  continue;
                }
                ObjectNode mutated = object.deepCopy();
                ObjectNode innerCopy = element.deepCopy();
                innerCopy.put(inner.getKey(), bad.getValue());
                mutated.putArray(name).add(innerCopy);
                list.add(
                    new Attempt(
                        name + "[0]." + inner.getKey() + ": " + bad.getKey(),
                        method,
                        path,
                        "application/json",
                        rawBytes(mutated),
                        true));
              }
            }
          }
        }
        ObjectNode unknown = object.deepCopy();
        unknown.put("isAdmin", true);
        list.add(
            new Attempt("unknown field", method, path, "application/json", bytes(unknown), true));
      }
      list.add(
          new Attempt("malformed JSON", method, path, "application/json", utf8("{\"a\":"), true));
      list.add(new Attempt("empty body", method, path, "application/json", new byte[0], true));
      list.add(new Attempt("JSON array", method, path, "application/json", utf8("[1,2]"), true));
      list.add(new Attempt("JSON null", method, path, "application/json", utf8("null"), true));
      list.add(new Attempt("JSON string", method, path, "application/json", utf8("\"x\""), true));
      list.add(new Attempt("deep nesting", method, path, "application/json", deep(), true));
      list.add(new Attempt("text/plain", method, path, "text/plain", valid, true));
      list.add(new Attempt("xml", method, path, "application/xml", utf8("<a>1</a>"), true));
      list.add(
          new Attempt(
              "form",
              method,
              path,
              "application/x-www-form-urlencoded",
              utf8("orgId=x&name=y"),
              true));
      list.add(new Attempt("no content type", method, path, null, valid, true));
    } else if (multipart) {
      list.add(
          new Attempt(
              "multipart without boundary",
              method,
              path,
              "multipart/form-data",
              utf8("--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc\r\n--x--\r\n"),
              true));
      String boundary = "bad" + UUID.randomUUID();
      list.add(
          new Attempt(
              "multipart wrong part name",
              method,
              path,
              "multipart/form-data; boundary=" + boundary,
              BolaFixture.multipart(boundary, "nofile", "a.xlsx", "text/plain", utf8("abc")),
              true));
      list.add(
          new Attempt(
              "multipart garbage file",
              method,
              path,
              "multipart/form-data; boundary=" + boundary,
              BolaFixture.multipart(
                  boundary,
                  "file",
                  "甲\u202Eslx.exe",
                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                  utf8("PK\u0003\u0004 not really a zip" + "\u0000".repeat(64))),
              true));
      list.add(
          new Attempt(
              "multipart truncated",
              method,
              path,
              "multipart/form-data; boundary=" + boundary,
              utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\""),
              true));
      list.add(
          new Attempt(
              "JSON instead of multipart", method, path, "application/json", utf8("{}"), true));
    } else if (!method.equals("GET") && !method.equals("DELETE")) {
      list.add(
          new Attempt("unexpected body", method, path, "application/json", utf8("{\"a\":"), true));
    }
    return list;
  }

  /** A body every field of which is valid (as far as the schema tells). */
  static JsonNode validBody(Operation op) {
    return OpenApiDocs.sample(op, op.bodySchema(), true, BadInputRunE2EIT::validByName, 0);
  }

  static JsonNode validByName(String name, JsonNode schema) {
    var n = OpenApiDocs.NODES;
    return switch (name) {
      case "months" -> n.arrayNode().add("2026-11");
      case "month", "effectiveMonth", "period" -> n.stringNode("2026-11");
      case "year", "startYear", "endYear" -> n.numberNode(2026);
      case "quarter" -> n.numberNode(1);
      case "idNumber" -> n.stringNode(TestData.idNumber());
      case "birthDate" -> n.stringNode("1985-05-01");
      case "phone" -> n.stringNode("13912345678");
      case "url" -> n.stringNode("https://example.com/hook");
      case "username" -> n.stringNode("bad-" + UUID.randomUUID().toString().substring(0, 8));
      case "initialPassword" -> n.stringNode("Init@2026x");
      default -> null;
    };
  }

  /** The operation's path with valid-looking parameters, one of them replaced by {@code bad}. */
  static String path(Operation op, Param badParam, String bad) {
    String path = op.path();
    StringBuilder query = new StringBuilder();
    for (Param p : op.params()) {
      String value;
      if (p == badParam) {
        value = bad;
      } else if (p.in().equals("path") || p.required()) {
        value = validValue(p);
      } else {
        continue;
      }
      String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
      if (p.in().equals("path")) {
        path = path.replace("{" + p.name() + "}", encoded);
      } else if (p.in().equals("query")) {
        query.append(query.isEmpty() ? "?" : "&").append(p.name()).append('=').append(encoded);
      }
    }
    return path + query;
  }

  static String validValue(Param p) {
    JsonNode s = p.schema();
    if (s.has("enum")) {
      return s.get("enum").get(0).asString();
    }
    if (s.has("pattern")) {
      return s.get("pattern").asString().split("\\|")[0].replaceAll("[^A-Z_]", "");
    }
    return switch (p.name()) {
      case "month", "period" -> "2026-11";
      case "year" -> "2026";
      case "asOf" -> "2026-11-30";
      case "reason" -> "核对";
      case "provider" -> "sandbox";
      case "action" -> "ATTENDANCE";
      default ->
          switch (s.path("format").asString("")) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date" -> "2026-11-02";
            case "date-time" -> "2026-11-02T09:00:00";
            default -> s.path("type").asString("").equals("integer") ? "1" : "x";
          };
    };
  }

  static List<String> badPathValues(Param p) {
    if (p.schema().path("format").asString("").equals("uuid")) {
      return List.of("not-a-uuid", "01234567-89ab-cdef-0123-456789abcdeg", "1", "..%2F..%2Fetc");
    }
    return List.of("NOT_A_VALUE", "甲\u202E乙", "a%00b");
  }

  static List<String> badQueryValues(Param p) {
    JsonNode s = p.schema();
    String type = s.path("type").asString("string");
    String format = s.path("format").asString("");
    List<String> bad = new ArrayList<>();
    if (format.equals("uuid")) {
      bad.addAll(List.of("not-a-uuid", "", "甲\u200B乙"));
    } else if (format.equals("date")) {
      bad.addAll(List.of("2023-02-30", "9999-12-31", "2100-01-01", "yesterday"));
    } else if (format.equals("date-time")) {
      bad.addAll(List.of("2023-02-30T10:00:00", "9999-12-31T23:59:59", "now"));
    } else if (type.equals("integer") || type.equals("number")) {
      bad.addAll(List.of("9223372036854775808", "1e308", "-1", "abc"));
    } else if (type.equals("boolean")) {
      bad.add("maybe");
    } else if (s.has("enum")) {
      bad.addAll(List.of("NOT_A_VALUE", "甲\u202E乙"));
    } else if (p.name().equals("month") || p.name().equals("period")) {
      bad.addAll(List.of("2023-13", "9999-12", "2100-01", "x"));
    } else {
      bad.addAll(INVISIBLE);
      bad.add("x".repeat(5_000));
    }
    return bad;
  }

  /** Bad values for one body field, by name of the badness; raw JSON is marked with RAW. */
  static Map<String, String> badFieldValues(JsonNode s) {
    Map<String, String> bad = new LinkedHashMap<>();
    String type = s.path("type").asString(s.has("properties") ? "object" : "string");
    String format = s.path("format").asString("");
    switch (type) {
      case "integer", "number" -> {
        bad.put("wrong type string", "abc");
        bad.put("1e308", RAW + "1e308");
        bad.put("2^63", RAW + "9223372036854775808");
        bad.put("-2^63-1", RAW + "-9223372036854775809");
      }
      case "boolean" -> bad.put("wrong type string", "yes");
      case "array" -> {
        bad.put("wrong type string", "x");
        bad.put("wrong type object", RAW + "{}");
      }
      case "object" -> bad.put("wrong type array", RAW + "[]");
      default -> {
        bad.put("wrong type number", RAW + "12345");
        bad.put("wrong type object", RAW + "{\"a\":1}");
        switch (format) {
          case "uuid" -> bad.put("bad uuid", "not-a-uuid");
          case "date" -> {
            bad.put("2023-02-30", "2023-02-30");
            bad.put("9999-12-31", "9999-12-31");
            bad.put("year 2100", "2100-01-01");
          }
          case "date-time" -> {
            bad.put("2023-02-30", "2023-02-30T10:00:00");
            bad.put("9999-12-31", "9999-12-31T23:59:59");
            bad.put("year 2100", "2100-01-01T00:00:00");
          }
          default -> {
            if (s.has("enum")) {
              bad.put("unknown enum", "NOT_A_VALUE");
            } else {
              bad.put("100k chars", HUGE);
              bad.put("zero-width", INVISIBLE.get(0));
              bad.put("NUL", INVISIBLE.get(1));
              bad.put("RTL override", INVISIBLE.get(2));
            }
          }
        }
      }
    }
    return bad;
  }

  private static byte[] bytes(JsonNode node) {
    return Api.JSON.writeValueAsBytes(node);
  }

  /** Serialises, then turns every {@code "__raw__X"} string into the raw JSON {@code X}. */
  private static byte[] rawBytes(JsonNode node) {
    String text = Api.JSON.writeValueAsString(node);
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (true) {
      int start = text.indexOf(RAW, i);
      if (start < 0) {
        out.append(text, i, text.length());
        break;
      }
      int end = start + RAW.length();
      while (text.charAt(end) != '"' || text.charAt(end - 1) == '\\') {
        end++;
      }
      out.append(text, i, start);
      out.append(text.substring(start + RAW.length(), end).replace("\\\"", "\""));
      i = end + 1;
    }
    return utf8(out.toString());
  }

  private static byte[] deep() {
    return utf8("{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String shorten(String s) {
    return s.length() > 20 ? s.substring(0, 20) + "…(" + s.length() + ")" : s;
  }
}
