package cn.dangjian.platform.time;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * A {@link LocalDateTime} in the API is a wall-clock time in the party calendar's zone (a meeting
 * starts at 14:30 Beijing time; the regulations count its days there). On the wire it is an RFC
 * 3339 timestamp with an offset: written with the zone's offset ({@code
 * 2026-11-20T14:30:00+08:00}), read in any offset and converted to the zone, so {@code
 * 2026-11-20T06:30:00Z} from a browser's {@code toISOString()} is the same 14:30. A value without
 * an offset is taken as the zone's wall clock, as clients sent it before offsets were accepted.
 */
public final class WallClockModule extends SimpleModule {

  public WallClockModule(ZoneId zone) {
    super("dangjian-wall-clock");
    addSerializer(LocalDateTime.class, new Writer(zone));
    addDeserializer(LocalDateTime.class, new Reader(zone));
  }

  private static final class Writer extends ValueSerializer<LocalDateTime> {
    private final ZoneId zone;

    Writer(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public Class<?> handledType() {
      return LocalDateTime.class;
    }

    @Override
    public void serialize(LocalDateTime value, JsonGenerator gen, SerializationContext context) {
      gen.writeString(
          value.atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
  }

  private static final class Reader extends ValueDeserializer<LocalDateTime> {
    private final ZoneId zone;

    Reader(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public Class<?> handledType() {
      return LocalDateTime.class; // the input hygiene wrapper needs it
    }

    @Override
    public LocalDateTime deserialize(JsonParser parser, DeserializationContext context) {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        return (LocalDateTime) context.handleUnexpectedToken(LocalDateTime.class, parser);
      }
      String text = parser.getString().trim();
      try {
        TemporalAccessor parsed =
            DateTimeFormatter.ISO_DATE_TIME.parseBest(
                text, OffsetDateTime::from, LocalDateTime::from);
        return parsed instanceof OffsetDateTime withOffset
            ? withOffset.atZoneSameInstant(zone).toLocalDateTime()
            : (LocalDateTime) parsed;
      } catch (DateTimeParseException e) {
        return (LocalDateTime)
            context.handleWeirdStringValue(
                LocalDateTime.class, text, "not an RFC 3339 date-time: " + e.getMessage());
      }
    }
  }
}
