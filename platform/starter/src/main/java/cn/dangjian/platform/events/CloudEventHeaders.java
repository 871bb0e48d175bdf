package cn.dangjian.platform.events;

import cn.dangjian.events.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The headers every outbox record carries: today's {@code dangjian-event-*} and, alongside them,
 * the CloudEvents 1.0 Kafka binding in binary mode ({@code ce_*} attributes, {@code content-type}),
 * so tools that speak CloudEvents route and trace the platform's events without knowing the
 * envelope. The value stays the whole envelope; consumers prefer it and fall back to these headers
 * ({@link EventEnvelopeReader}). Header names are written out here rather than taken from
 * cloudevents-kafka: a dependency for eight constants is not worth it.
 */
public final class CloudEventHeaders {

  public static final String EVENT_TYPE = "dangjian-event-type";
  public static final String EVENT_ID = "dangjian-event-id";

  public static final String ID = "ce_id";
  public static final String TYPE = "ce_type";
  public static final String SOURCE = "ce_source";
  public static final String TIME = "ce_time";
  public static final String SPEC_VERSION = "ce_specversion";
  public static final String SUBJECT = "ce_subject";

  /** Extension attribute: the envelope's {@code orgPath}, so a header-only reader keeps scope. */
  public static final String ORG_PATH = "ce_orgpath";

  /** The binding maps {@code datacontenttype} to this header, without the {@code ce_} prefix. */
  public static final String CONTENT_TYPE = "content-type";

  public static final String SPEC_VERSION_1_0 = "1.0";
  public static final String JSON = "application/json";

  /** {@code ce_source} is this prefix and the publishing service, e.g. /dangjian/member-service. */
  public static final String SOURCE_PREFIX = "/dangjian/";

  private CloudEventHeaders() {}

  /**
   * Headers for one envelope. The {@code ce_*} values are UTF-8 bytes, as the binding requires:
   * Spring's header mapper passes bytes through whatever its settings (it JSON-encodes Strings when
   * told to) and lists them in no {@code spring_json_header_types}.
   */
  public static Map<String, Object> of(EventEnvelope<?> envelope) {
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put(EVENT_TYPE, envelope.type());
    headers.put(EVENT_ID, envelope.eventId().toString());
    headers.put(SPEC_VERSION, bytes(SPEC_VERSION_1_0));
    headers.put(ID, bytes(envelope.eventId().toString()));
    headers.put(TYPE, bytes(envelope.type()));
    headers.put(SOURCE, bytes(SOURCE_PREFIX + envelope.source()));
    headers.put(TIME, bytes(DateTimeFormatter.ISO_INSTANT.format(envelope.occurredAt())));
    headers.put(SUBJECT, bytes(envelope.subjectId()));
    if (envelope.orgPath() != null) {
      headers.put(ORG_PATH, bytes(envelope.orgPath()));
    }
    headers.put(CONTENT_TYPE, bytes(JSON));
    return headers;
  }

  /** The last value of a header as UTF-8 text, or null when the record has none. */
  public static @Nullable String text(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  /**
   * The service a {@code ce_source} names ({@code /dangjian/x} → {@code x}; others as they are).
   */
  static String service(String source) {
    return source.startsWith(SOURCE_PREFIX) ? source.substring(SOURCE_PREFIX.length()) : source;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
