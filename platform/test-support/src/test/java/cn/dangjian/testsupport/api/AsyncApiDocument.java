package cn.dangjian.testsupport.api;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.OneOf;
import cn.dangjian.events.Subject;
import cn.dangjian.events.Topics;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The AsyncAPI 3.0 document of every topic and event type, generated from the published language
 * ({@link EventTypes}, {@link Topics}, the payload records with their {@link Subject}, {@link
 * OneOf} and {@code @Nullable}) and from {@code deploy/kafka/clients.csv} (who publishes and who
 * consumes which topic: the ACLs the broker enforces). The payload schemas come from victools'
 * jsonschema-generator; the AsyncAPI structure around them is built here, because there is no
 * maintained AsyncAPI generator for plain Spring Kafka listeners without annotations (Springwolf
 * needs its own annotations or scans listener beans of a running service).
 */
final class AsyncApiDocument {

  static final String FILE = "asyncapi.yaml";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SCHEMAS = "#/components/schemas/";
  private static final String KAFKA_BINDING = "0.5.0";

  /** One line of clients.csv: a service, the topic it publishes, the topics it consumes. */
  record Client(String service, String publishes, List<String> consumes) {}

  private final List<Client> clients;
  private final Path samples;

  AsyncApiDocument(List<Client> clients, Path samples) {
    this.clients = clients;
    this.samples = samples;
  }

  /** The document for this repository: its clients.csv and its v1 samples. */
  static AsyncApiDocument ofRepository() throws IOException {
    Path root = ApiDocuments.repositoryRoot();
    return new AsyncApiDocument(
        clients(root.resolve("deploy/kafka/clients.csv")),
        root.resolve("platform/events/src/test/resources/samples"));
  }

  static List<Client> clients(Path csv) throws IOException {
    List<Client> clients = new ArrayList<>();
    for (String line : Files.readAllLines(csv)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split(";", -1);
      List<String> consumes =
          cells[2].isBlank() ? List.of() : List.of(cells[2].trim().split("\\s+"));
      clients.add(new Client(cells[0].trim(), cells[1].trim(), consumes));
    }
    return clients;
  }

  ObjectNode generate() throws IOException {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("asyncapi", "3.0.0");
    ObjectNode info = doc.putObject("info");
    info.put("title", "党建云领域事件 Dangjian Cloud events");
    info.put("version", "v1");
    info.put(
        "description",
        "Every topic and event type of the platform, generated from platform/events (EventTypes,"
            + " Topics, the payload records) and deploy/kafka/clients.csv by AsyncApiDocumentTest;"
            + " do not edit by hand. Each record's value is an EventEnvelope whose payload is the"
            + " type's record; the Kafka key is the envelope's subjectId. Records also carry"
            + " CloudEvents 1.0 binary-mode headers (ce_*). Consumers dispatch on the envelope's"
            + " type, skip types they do not know and ignore unknown fields: schemas only grow, a"
            + " breaking change is a new type. docs/events.md says when each event is published.");
    doc.put("defaultContentType", "application/json");

    Map<String, List<EventTypes.Definition>> byTopic = new TreeMap<>(topicOrder());
    EventTypes.all().values().stream()
        .sorted(Comparator.comparing(EventTypes.Definition::type))
        .forEach(d -> byTopic.computeIfAbsent(d.topic(), t -> new ArrayList<>()).add(d));
    for (String topic : topics()) {
      if (!byTopic.containsKey(topic)) {
        throw new IllegalStateException("no event type is published on " + topic);
      }
    }

    ObjectNode channels = doc.putObject("channels");
    ObjectNode operations = doc.putObject("operations");
    ObjectNode components = doc.putObject("components");
    ObjectNode schemas = components.putObject("schemas");
    ObjectNode messages = components.putObject("messages");

    schemas.setAll(payloadSchemas(byTopic.values().stream().flatMap(List::stream).toList()));
    schemas.set("CloudEventsHeaders", cloudEventsHeaders());
    for (List<EventTypes.Definition> definitions : byTopic.values()) {
      for (EventTypes.Definition d : definitions) {
        messages.set(d.type(), message(d));
      }
    }
    messages.set("DeadLetter", deadLetter());

    for (Map.Entry<String, List<EventTypes.Definition>> entry : byTopic.entrySet()) {
      String topic = entry.getKey();
      Client producer = producerOf(topic);
      List<String> consumers = consumersOf(topic);
      ObjectNode channel = channels.putObject(topic);
      channel.put("address", topic);
      channel.put(
          "description",
          "Published by "
              + producer.service()
              + " through its transactional outbox; consumed by "
              + (consumers.isEmpty() ? "no service yet" : String.join(", ", consumers))
              + ". Keyed by the envelope's subjectId, so one subject's events stay in order.");
      ObjectNode channelMessages = channel.putObject("messages");
      for (EventTypes.Definition d : entry.getValue()) {
        channelMessages.putObject(d.type()).put("$ref", "#/components/messages/" + d.type());
      }
      channel.putObject("bindings").putObject("kafka").put("bindingVersion", KAFKA_BINDING);

      ObjectNode send = operations.putObject(producer.service() + ".send." + topic);
      send.put("action", "send");
      send.putObject("channel").put("$ref", "#/channels/" + topic);
      send.put("summary", producer.service() + " publishes " + topic);
      send.putArray("tags").addObject().put("name", producer.service());
      ArrayNode sent = send.putArray("messages");
      entry
          .getValue()
          .forEach(
              d -> sent.addObject().put("$ref", "#/channels/" + topic + "/messages/" + d.type()));

      for (String consumer : consumers) {
        ObjectNode receive = operations.putObject(consumer + ".receive." + topic);
        receive.put("action", "receive");
        receive.putObject("channel").put("$ref", "#/channels/" + topic);
        receive.put(
            "summary",
            consumer
                + " consumes "
                + topic
                + " (each event once; types it does not handle are skipped)");
        receive.putArray("tags").addObject().put("name", consumer);
      }

      String dlt = Topics.deadLetterOf(topic);
      ObjectNode dead = channels.putObject(dlt);
      dead.put("address", dlt);
      dead.put(
          "description",
          "Records of "
              + topic
              + " a consumer could not process (not an envelope, or still failing after its"
              + " retries), as they were, with the reason in dangjian-dlt-reason.");
      dead.putObject("messages")
          .putObject("DeadLetter")
          .put("$ref", "#/components/messages/DeadLetter");
      for (String consumer : consumers) {
        ObjectNode park = operations.putObject(consumer + ".send." + dlt);
        park.put("action", "send");
        park.putObject("channel").put("$ref", "#/channels/" + dlt);
        park.put("summary", consumer + " parks a poison record of " + topic);
        park.putArray("tags").addObject().put("name", consumer);
        park.putArray("messages")
            .addObject()
            .put("$ref", "#/channels/" + dlt + "/messages/DeadLetter");
      }
    }
    return doc;
  }

  private ObjectNode message(EventTypes.Definition d) throws IOException {
    Class<?> payload = d.payloadType();
    Subject subject = payload.getAnnotation(Subject.class);
    if (subject == null) {
      throw new IllegalStateException(payload.getName() + " has no @Subject");
    }
    ObjectNode message = JSON.createObjectNode();
    message.put("name", d.type());
    message.put("title", d.type() + " v" + d.version());
    message.put(
        "summary",
        "Envelope of type "
            + d.type()
            + " (version "
            + d.version()
            + ") carrying "
            + payload.getSimpleName()
            + "; subject: the "
            + subject.kind()
            + " (payload."
            + subject.value()
            + ").");
    message.put("contentType", "application/json");

    ObjectNode headers = message.putObject("headers");
    ArrayNode headersAllOf = headers.putArray("allOf");
    headersAllOf.addObject().put("$ref", SCHEMAS + "CloudEventsHeaders");
    ObjectNode exact = headersAllOf.addObject();
    exact.put("type", "object");
    ObjectNode exactProps = exact.putObject("properties");
    exactProps.putObject("ce_type").put("const", d.type());
    exactProps.putObject("dangjian-event-type").put("const", d.type());
    exactProps.putObject("ce_source").put("const", "/dangjian/" + producerOf(d.topic()).service());

    ObjectNode body = message.putObject("payload");
    ArrayNode allOf = body.putArray("allOf");
    allOf.addObject().put("$ref", SCHEMAS + "EventEnvelope");
    ObjectNode typed = allOf.addObject();
    typed.put("type", "object");
    ObjectNode props = typed.putObject("properties");
    props.putObject("type").put("const", d.type());
    props.putObject("version").put("const", d.version());
    props.putObject("source").put("const", producerOf(d.topic()).service());
    props
        .putObject("subjectId")
        .put("description", "the " + subject.kind() + ": payload." + subject.value());
    props.putObject("payload").put("$ref", SCHEMAS + payload.getSimpleName());

    ObjectNode kafka = message.putObject("bindings").putObject("kafka");
    ObjectNode key = kafka.putObject("key");
    key.put("type", "string");
    key.put(
        "description",
        "the envelope's subjectId, the "
            + subject.kind()
            + " (payload."
            + subject.value()
            + "); also ce_subject");
    kafka.put("bindingVersion", KAFKA_BINDING);

    Path sample = samples.resolve(d.type() + ".v1.json");
    if (Files.exists(sample)) {
      ObjectNode example = message.putArray("examples").addObject();
      example.put("name", "v1");
      example.put("summary", "the first published sample, which today's records still read");
      example.set("payload", JSON.readTree(sample.toFile()));
    }
    return message;
  }

  /** JSON Schemas of the envelope, every payload record and every closed set, by simple name. */
  private static ObjectNode payloadSchemas(List<EventTypes.Definition> definitions) {
    SchemaGeneratorConfigBuilder config =
        new SchemaGeneratorConfigBuilder(JSON, SchemaVersion.DRAFT_7, OptionPreset.PLAIN_JSON)
            .with(
                Option.DEFINITIONS_FOR_ALL_OBJECTS,
                Option.STANDARD_FORMATS,
                Option.PLAIN_DEFINITION_KEYS)
            .without(Option.SCHEMA_VERSION_INDICATOR);
    config.forFields().withNullableCheck(field -> nullable(field));
    config.forFields().withRequiredCheck(field -> !nullable(field));
    // a closed set of strings is shown as its named enum (payloads still carry the string)
    config
        .forFields()
        .withTargetTypeOverridesResolver(
            field -> {
              OneOf oneOf = field.getAnnotation(OneOf.class);
              return oneOf == null ? null : List.of(field.getContext().resolve(oneOf.value()));
            });
    SchemaBuilder builder = new SchemaGenerator(config.build()).buildMultipleSchemaDefinitions();
    builder.createSchemaReference(EventEnvelope.class);
    TreeSet<Class<?>> types = new TreeSet<>(Comparator.comparing(Class::getName));
    for (EventTypes.Definition d : definitions) {
      types.add(d.payloadType());
      for (Field field : d.payloadType().getDeclaredFields()) {
        OneOf oneOf = field.getAnnotation(OneOf.class);
        if (oneOf != null) {
          types.add(oneOf.value());
        }
      }
    }
    types.forEach(builder::createSchemaReference);
    ObjectNode collected = builder.collectDefinitions("components/schemas");
    TreeMap<String, JsonNode> byName = new TreeMap<>();
    // the generic envelope is named after its type argument (EventEnvelope_Object_); messages
    // give the payload, so the document names it plainly
    collected
        .properties()
        .forEach(
            e ->
                byName.put(
                    e.getKey().startsWith("EventEnvelope") ? "EventEnvelope" : e.getKey(),
                    e.getValue()));
    ObjectNode sorted = JSON.createObjectNode();
    byName.forEach(sorted::set);
    return sorted;
  }

  private static boolean nullable(FieldScope field) {
    if (field.getType().getErasedType().isPrimitive()) {
      return false;
    }
    Field raw = field.getRawMember();
    return raw.getAnnotatedType().isAnnotationPresent(Nullable.class);
  }

  /** The Kafka headers every record the outbox publishes carries (CloudEventHeaders). */
  private static ObjectNode cloudEventsHeaders() {
    ObjectNode schema = JSON.createObjectNode();
    schema.put("type", "object");
    schema.put(
        "description",
        "CloudEvents 1.0 Kafka protocol binding, binary content mode: the attributes as ce_*"
            + " headers (UTF-8 text) beside the envelope, which stays the record's value. Records"
            + " published before these headers existed lack them; consumers prefer the envelope"
            + " and fall back to the headers (EventEnvelopeReader).");
    ObjectNode p = schema.putObject("properties");
    header(p, "ce_specversion", "CloudEvents version", null).put("const", "1.0");
    header(p, "ce_id", "the envelope's eventId", "uuid");
    header(p, "ce_type", "the envelope's type", null);
    header(p, "ce_source", "/dangjian/ and the publishing service", null);
    header(p, "ce_time", "the envelope's occurredAt (RFC 3339, UTC)", "date-time");
    header(p, "ce_subject", "the envelope's subjectId (also the Kafka key)", null);
    header(p, "ce_orgpath", "extension: the envelope's orgPath, when it has one", null);
    header(p, "content-type", "datacontenttype of the value", null)
        .put("const", "application/json");
    header(
        p,
        "dangjian-event-type",
        "the envelope's type (UTF-8); informational, as before the ce_* headers",
        null);
    header(
        p,
        "dangjian-event-id",
        "the envelope's eventId (UTF-8); informational, as before the ce_* headers",
        null);
    header(p, "traceparent", "W3C trace context of the publishing request", null);
    header(
        p, "__TypeId__", "Spring's Java class name of the value: consumers must ignore it", null);
    ArrayNode required = schema.putArray("required");
    List.of("ce_specversion", "ce_id", "ce_type", "ce_source", "ce_time", "ce_subject")
        .forEach(required::add);
    required.add("content-type");
    return schema;
  }

  private static ObjectNode header(
      ObjectNode properties, String name, String description, @Nullable String format) {
    ObjectNode header = properties.putObject(name);
    header.put("type", "string");
    if (format != null) {
      header.put("format", format);
    }
    header.put("description", description);
    return header;
  }

  private static ObjectNode deadLetter() {
    ObjectNode message = JSON.createObjectNode();
    message.put("name", "DeadLetter");
    message.put("title", "a poison record");
    message.put(
        "summary",
        "The original record (key, value and headers as consumed) with the reason it was parked.");
    ObjectNode headers = message.putObject("headers");
    headers.put("type", "object");
    headers
        .putObject("properties")
        .putObject("dangjian-dlt-reason")
        .put("type", "string")
        .put("description", "exception class and message, at most 1000 characters");
    headers.putArray("required").add("dangjian-dlt-reason");
    message.putObject("payload").put("description", "the original value, as it was");
    return message;
  }

  private Client producerOf(String topic) {
    return clients.stream()
        .filter(c -> c.publishes().equals(topic))
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("no service publishes " + topic + " in clients.csv"));
  }

  private List<String> consumersOf(String topic) {
    return clients.stream().filter(c -> c.consumes().contains(topic)).map(Client::service).toList();
  }

  /** The topic constants, in the order Topics declares them (member first). */
  static List<String> topics() {
    List<String> topics = new ArrayList<>();
    for (Field field : Topics.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers())
          && field.getType() == String.class
          && !field.getName().equals("DLT_SUFFIX")) {
        try {
          topics.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return topics;
  }

  private static Comparator<String> topicOrder() {
    List<String> order = topics();
    return Comparator.comparing(
            (String t) -> order.indexOf(t) < 0 ? Integer.MAX_VALUE : order.indexOf(t))
        .thenComparing(Comparator.naturalOrder());
  }

  static List<String> eventTypeConstants() {
    return Arrays.stream(EventTypes.class.getDeclaredFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
        .map(
            f -> {
              try {
                return (String) f.get(null);
              } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }
}
