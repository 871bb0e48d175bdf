package cn.dangjian.platform.openapi;

import cn.dangjian.platform.web.ExpectedVersion;
import cn.dangjian.platform.web.IdempotencyKeys;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The conventions every service's API document states, written once instead of on each controller:
 * operation names, the conditional and idempotency headers, the one {@code Problem} schema on every
 * error a server can answer, and the {@code ETag}/{@code Location} headers of successful answers.
 * The server enforces each of these; the document says so.
 */
public class ApiContractCustomizer implements GlobalOperationCustomizer, GlobalOpenApiCustomizer {

  static final String PROBLEM = "Problem";
  static final String PROBLEM_JSON = "application/problem+json";

  private static final List<String> EXPORT_TYPES =
      List.of("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  /** The errors the platform answers, with the situations each applies to. */
  private static final Map<String, String> ERRORS = new LinkedHashMap<>();

  static {
    ERRORS.put("400", "请求无效：参数或请求体有误，见 errors (bad request, see errors)");
    ERRORS.put("401", "未登录或令牌无效 (not authenticated)");
    ERRORS.put("403", "无权进行此操作 (forbidden for the caller's role)");
    ERRORS.put("404", "不存在，或不在调用者的数据范围内 (not found, or outside the caller's org subtree)");
    ERRORS.put("409", "与当前状态冲突，或同一 Idempotency-Key 的请求仍在处理 (conflict)");
    ERRORS.put("412", "版本已过期：If-Match 与当前 ETag 不符 (stale If-Match)");
    ERRORS.put("413", "请求体过大 (payload too large)");
    ERRORS.put("422", "违反业务规则，见 rule；或 Idempotency-Key 已用于另一请求 (business rule refused)");
    ERRORS.put("428", "缺少 If-Match 请求头 (If-Match required)");
    ERRORS.put("429", "请求过多，请按 Retry-After 稍后重试 (too many requests)");
  }

  private final RecordSchemas records;

  public ApiContractCustomizer(RecordSchemas records) {
    this.records = records;
  }

  // --- per operation, where the handler method is known

  @Override
  public Operation customize(Operation operation, HandlerMethod handlerMethod) {
    RequestMapping mapping =
        AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(), RequestMapping.class);
    String httpMethod =
        mapping == null || mapping.method().length == 0 ? "GET" : mapping.method()[0].name();
    io.swagger.v3.oas.annotations.Operation declared =
        handlerMethod.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
    if (declared == null || declared.operationId().isBlank()) {
      operation.setOperationId(
          OperationIds.of(
              httpMethod,
              OperationIds.resourceOf(handlerMethod.getBeanType()),
              handlerMethod.getMethod().getName()));
    }
    boolean conditional =
        Arrays.stream(handlerMethod.getMethodParameters())
            .anyMatch(p -> p.getParameterType() == ExpectedVersion.class);
    if (conditional) {
      operation.addParametersItem(
          new HeaderParameter()
              .name(HttpHeaders.IF_MATCH)
              .required(true)
              .description(
                  "读取时得到的 ETag；缺少为 428，已过期为 412。 The ETag read; missing → 428, stale → 412.")
              .schema(new StringSchema().example("\"3\"")));
    }
    if ("POST".equals(httpMethod) && !hasHeader(operation, IdempotencyKeys.HEADER)) {
      operation.addParametersItem(
          new HeaderParameter()
              .name(IdempotencyKeys.HEADER)
              .required(false)
              .description(
                  "可选：重试同一请求时带同一个 Key，只执行一次（24小时内）。"
                      + " Optional: a retry with the same key is done once (24 h).")
              .schema(new StringSchema().maxLength(100).pattern("^[\\x21-\\x7E]{1,100}$")));
    }
    describeFileOrStream(operation, handlerMethod, mapping);
    describeJobStart(operation, handlerMethod, httpMethod);
    return operation;
  }

  /** A write that answers a job is 202 Accepted with the job's address, never 200. */
  private static void describeJobStart(
      Operation operation, HandlerMethod handlerMethod, String httpMethod) {
    if (!"POST".equals(httpMethod)
        || bodyType(handlerMethod) != cn.dangjian.platform.jobs.JobView.class
        || operation.getResponses() == null) {
      return;
    }
    ApiResponse ok = operation.getResponses().remove("200");
    if (ok == null) {
      return;
    }
    ok.description(
            "已受理：以后台任务执行，轮询 Location 直至任务结束；同一工作正在执行时返回该任务。"
                + " Accepted: follow Location until the job ends; starting work that is already"
                + " running answers the running job.")
        .addHeaderObject(HttpHeaders.LOCATION, header("任务地址 (the job)"));
    operation.getResponses().addApiResponse("202", ok);
  }

  /**
   * Downloads are files, not JSON strings: typed as binary in the media types the method produces.
   * A server-sent event stream is text/event-stream, not the emitter class.
   */
  private static void describeFileOrStream(
      Operation operation, HandlerMethod handlerMethod, RequestMapping mapping) {
    Class<?> body = bodyType(handlerMethod);
    boolean file =
        body == StreamingResponseBody.class
            || body == byte[].class
            || org.springframework.core.io.Resource.class.isAssignableFrom(body)
            || (body == void.class
                && Arrays.stream(handlerMethod.getMethodParameters())
                    .anyMatch(
                        p ->
                            p.getParameterType()
                                == jakarta.servlet.http.HttpServletResponse.class));
    boolean stream = SseEmitter.class.isAssignableFrom(body);
    if ((!file && !stream) || operation.getResponses() == null) {
      return;
    }
    ApiResponse ok = operation.getResponses().get("200");
    if (ok == null) {
      ok = new ApiResponse().description("OK");
      operation.getResponses().addApiResponse("200", ok);
    }
    Content content = new Content();
    MediaType declaredEvents =
        ok.getContent() == null
            ? null
            : ok.getContent().get(org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE);
    if (stream && declaredEvents != null && declaredEvents.getSchema() != null) {
      // the controller named what each event's data is; keep it
      content.addMediaType(
          org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE, declaredEvents);
    } else if (stream) {
      content.addMediaType(
          org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE,
          new MediaType()
              .schema(
                  new StringSchema()
                      .description(
                          "服务器推送事件流：每个事件的 data 是一条 JSON (server-sent events; each data is JSON)")));
    } else {
      // without a produces list the platform exports CSV or xlsx, by the format parameter
      List<String> types =
          mapping == null || mapping.produces().length == 0
              ? EXPORT_TYPES
              : List.of(mapping.produces());
      for (String type : types) {
        content.addMediaType(type, new MediaType().schema(new StringSchema().format("binary")));
      }
    }
    ok.setContent(content);
  }

  private static Class<?> bodyType(HandlerMethod handlerMethod) {
    var type =
        org.springframework.core.ResolvableType.forMethodReturnType(handlerMethod.getMethod());
    if (org.springframework.http.HttpEntity.class.isAssignableFrom(type.toClass())) {
      type = type.as(org.springframework.http.HttpEntity.class).getGeneric(0);
    }
    return type.toClass();
  }

  private static boolean hasHeader(Operation operation, String name) {
    return operation.getParameters() != null
        && operation.getParameters().stream()
            .anyMatch(p -> "header".equals(p.getIn()) && name.equalsIgnoreCase(p.getName()));
  }

  // --- the whole document

  @Override
  public void customise(OpenAPI openApi) {
    if (openApi.getComponents() == null) {
      openApi.components(new io.swagger.v3.oas.models.Components());
    }
    openApi.getComponents().addSchemas(PROBLEM, problemSchema());
    Map<String, Schema> schemas =
        openApi.getComponents().getSchemas() == null
            ? Map.of()
            : openApi.getComponents().getSchemas();
    if (openApi.getPaths() == null) {
      return;
    }
    Set<String> readable = readableAtTheirOwnAddress(openApi);
    openApi
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) ->
                            declare(path, method, operation, schemas, readable)));
    records.describePresenceAndNulls(openApi, schemas);
    RequestExamples.addTo(openApi, schemas);
  }

  /**
   * The schemas some GET of a single resource ({@code …/{id}}) answers: a create answering one of
   * them can say where the new resource is read ({@code Location}); one that is only listed cannot.
   */
  private static Set<String> readableAtTheirOwnAddress(OpenAPI openApi) {
    Set<String> readable = new HashSet<>();
    openApi
        .getPaths()
        .forEach(
            (path, item) -> {
              if (item.getGet() != null && path.contains("{")) {
                String ref = successRef(item.getGet().getResponses().get("200"));
                if (ref != null) {
                  readable.add(ref);
                }
              }
            });
    return readable;
  }

  private static String successRef(ApiResponse answer) {
    if (answer == null || answer.getContent() == null) {
      return null;
    }
    return answer.getContent().values().stream()
        .map(MediaType::getSchema)
        .filter(schema -> schema != null && schema.get$ref() != null)
        .map(Schema::get$ref)
        .findFirst()
        .orElse(null);
  }

  private void declare(
      String path,
      PathItem.HttpMethod method,
      Operation operation,
      Map<String, Schema> schemas,
      Set<String> readable) {
    ApiResponses responses = operation.getResponses();
    if (responses == null) {
      responses = new ApiResponses();
      operation.setResponses(responses);
    }
    for (Map.Entry<String, ApiResponse> answer : responses.entrySet()) {
      String code = answer.getKey();
      if (code.equals("201") && readable.contains(successRef(answer.getValue()))) {
        answer
            .getValue()
            .addHeaderObject(HttpHeaders.LOCATION, header("新资源的地址 (the new resource)"));
      }
      if (code.startsWith("2") && carriesVersion(answer.getValue(), schemas)) {
        answer
            .getValue()
            .addHeaderObject(
                HttpHeaders.ETAG, header("版本，修改时作为 If-Match 发送 (the version, for If-Match)"));
      }
    }
    boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
    // a path variable, or a query naming an org/member/cycle: out of the caller's subtree is 404
    boolean byId =
        path.contains("{")
            || (operation.getParameters() != null
                && operation.getParameters().stream()
                    .anyMatch(p -> "query".equals(p.getIn()) && p.getName().endsWith("Id")));
    boolean conditional = hasHeader(operation, HttpHeaders.IF_MATCH);
    boolean hasInput =
        operation.getRequestBody() != null
            || (operation.getParameters() != null && !operation.getParameters().isEmpty());
    for (String code : ERRORS.keySet()) {
      boolean applies =
          switch (code) {
            case "400" -> hasInput || write;
            case "401", "403", "429" -> true;
            case "404" -> byId || write; // a body names an org or member the caller may not see
            case "409" -> write;
            case "422" -> true; // a read can be refused by a rule too (results before publication)
            case "412", "428" -> conditional;
            case "413" -> operation.getRequestBody() != null;
            default -> false;
          };
      if (applies && !responses.containsKey(code)) {
        responses.addApiResponse(code, problemResponse(code));
      }
    }
    // an error a controller declares itself still answers the one Problem shape
    responses.forEach(
        (code, answer) -> {
          if (code.startsWith("4") || code.startsWith("5")) {
            MediaType problem =
                answer.getContent() == null ? null : answer.getContent().get(PROBLEM_JSON);
            if (problem == null || problem.getSchema() == null) {
              answer.setContent(problemResponse(code).getContent());
            }
          }
        });
    // a stable order: successes first, then errors by code
    TreeMap<String, ApiResponse> sorted = new TreeMap<>(responses);
    responses.clear();
    responses.putAll(sorted);
  }

  private static boolean carriesVersion(ApiResponse answer, Map<String, Schema> schemas) {
    if (answer.getContent() == null) {
      return false;
    }
    for (MediaType media : answer.getContent().values()) {
      Schema<?> schema = media.getSchema();
      if (schema != null && schema.get$ref() != null) {
        Schema<?> target =
            schemas.get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        if (target != null
            && target.getProperties() != null
            && target.getProperties().containsKey("version")) {
          return true;
        }
      }
    }
    return false;
  }

  private static Header header(String description) {
    return new Header().description(description).schema(new StringSchema());
  }

  private static ApiResponse problemResponse(String code) {
    ApiResponse response =
        new ApiResponse()
            .description(ERRORS.get(code))
            .content(
                new Content()
                    .addMediaType(
                        PROBLEM_JSON,
                        new MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    if (code.equals("429")) {
      response.addHeaderObject(
          HttpHeaders.RETRY_AFTER,
          new Header().description("秒 (seconds)").schema(new IntegerSchema()));
    }
    return response;
  }

  /** RFC 9457 problem details as the platform writes them. */
  static Schema<?> problemSchema() {
    Schema<?> fieldError =
        new ObjectSchema()
            .addProperty("field", new StringSchema().description("出错的字段或参数 (field)"))
            .addProperty("message", new StringSchema().description("原因 (message)"))
            .required(List.of("field", "message"));
    return new ObjectSchema()
        .description("错误详情 RFC 9457 problem details; detail 默认中文，Accept-Language: en 为英文")
        .addProperty("type", new StringSchema().format("uri").description("问题类型 (stable type URI)"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema().format("int32"))
        .addProperty("detail", new StringSchema().description("给人看的说明 (for people)"))
        .addProperty("instance", new StringSchema().description("请求路径 (the request path)"))
        .addProperty(
            "rule", new StringSchema().description("违反的业务规则编号 (the business rule refused)"))
        .addProperty("traceId", new StringSchema().description("追踪号，报障时提供 (trace id)"))
        .addProperty(
            "errors", new ArraySchema().items(fieldError).description("字段错误 (field errors)"))
        .addProperty(
            "field", new StringSchema().description("不认识的字段的路径 (the unknown field's path)"))
        .addProperty(
            "outcome",
            new StringSchema()
                ._enum(
                    List.of(
                        "BAD_SIGNATURE",
                        "STALE",
                        "MALFORMED",
                        "UNKNOWN_ORDER",
                        "NOT_PENDING",
                        "REPLAYED",
                        "AMOUNT_MISMATCH",
                        "EXPIRED"))
                .description("支付回调被拒绝的原因 (why a payment callback was refused)"))
        .addProperty(
            "decidingBody",
            new StringSchema()
                ._enum(
                    List.of(
                        "PRIMARY_COMMITTEE",
                        "HIGHER_COMMITTEE",
                        "COUNTY_ORG_DEPARTMENT",
                        "DISCIPLINE_COMMISSION"))
                .description("须由其决定的上级机关，支部应提请审批 (the body that decides: request an approval)"))
        .required(List.of("type", "title", "status", "detail"));
  }
}
