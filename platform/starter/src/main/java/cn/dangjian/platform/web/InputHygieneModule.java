package cn.dangjian.platform.web;

import org.springframework.web.context.request.RequestContextHolder;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Applies {@link InputHygiene} to every JSON request body (only while an HTTP request is being
 * served): strings with invisible or control characters and implausible dates fail deserialization
 * naming the field, so the problem handler answers 400 before any service code sees the value.
 */
public final class InputHygieneModule extends SimpleModule {

  public InputHygieneModule(InputHygiene hygiene) {
    super("dangjian-input-hygiene");
    setDeserializerModifier(
        new ValueDeserializerModifier() {
          @Override
          public ValueDeserializer<?> modifyDeserializer(
              DeserializationConfig config,
              BeanDescription.Supplier description,
              ValueDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if (type == String.class) {
              return new Checked(deserializer, hygiene, Kind.TEXT);
            }
            if (InputHygiene.CALENDAR_TYPES.contains(type)) {
              return new Checked(deserializer, hygiene, Kind.CALENDAR);
            }
            return deserializer;
          }
        });
  }

  enum Kind {
    TEXT,
    CALENDAR
  }

  /** Thrown for a value {@link InputHygiene} refuses; the problem handler names its field. */
  public static final class UnsafeValueException extends InvalidFormatException {
    private final Kind kind;
    private final int minYear;
    private final int maxYear;

    UnsafeValueException(JsonParser parser, Class<?> type, Kind kind, InputHygiene hygiene) {
      super(
          parser,
          kind == Kind.TEXT ? "invisible or control character" : "implausible date",
          null,
          type);
      this.kind = kind;
      this.minYear = hygiene.minYear();
      this.maxYear = hygiene.maxYear();
    }

    public boolean isCalendar() {
      return kind == Kind.CALENDAR;
    }

    /** Message key for the field error, and its arguments. */
    public String messageKey() {
      return isCalendar() ? "problem.field.implausible-date" : "problem.field.unsafe-text";
    }

    public Object[] messageArguments() {
      return new Object[] {String.valueOf(minYear), String.valueOf(maxYear)};
    }
  }

  private static final class Checked extends DelegatingDeserializer {
    private final InputHygiene hygiene;
    private final Kind kind;

    Checked(ValueDeserializer<?> delegate, InputHygiene hygiene, Kind kind) {
      super(delegate);
      this.hygiene = hygiene;
      this.kind = kind;
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
      return new Checked(delegate, hygiene, kind);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) {
      Object value = super.deserialize(parser, context);
      if (RequestContextHolder.getRequestAttributes() == null) {
        // Not a request body: the outbox and Kafka payloads written before a rule tightened must
        // still be readable (a stored event is never rejected after the fact).
        return value;
      }
      if (kind == Kind.TEXT
          && value instanceof String text
          && InputHygiene.firstUnsafeCharacter(text) >= 0) {
        throw new UnsafeValueException(parser, String.class, kind, hygiene);
      }
      if (kind == Kind.CALENDAR && !hygiene.plausible(value)) {
        throw new UnsafeValueException(parser, value.getClass(), kind, hygiene);
      }
      return value;
    }
  }
}
