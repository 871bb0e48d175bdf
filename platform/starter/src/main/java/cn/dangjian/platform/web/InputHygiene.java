package cn.dangjian.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * What a request body may not carry: characters that are invisible or reorder text on screen (a
 * name made of zero-width spaces looks empty in the console but is a distinct record; an RTL
 * override makes "支部A" display as something else in a printed roster), control characters that
 * break CSV/xlsx exports and terminals, and calendar values no Party record can have (year 9999,
 * 2100).
 */
public final class InputHygiene {

  /** The types whose year is checked, in request bodies and in query parameters alike. */
  static final Set<Class<?>> CALENDAR_TYPES =
      Set.of(
          LocalDate.class,
          YearMonth.class,
          Year.class,
          LocalDateTime.class,
          OffsetDateTime.class,
          ZonedDateTime.class,
          Instant.class);

  private final int minYear;
  private final int maxYear;

  public InputHygiene(int minYear, int maxYear) {
    this.minYear = minYear;
    this.maxYear = maxYear;
  }

  public int minYear() {
    return minYear;
  }

  public int maxYear() {
    return maxYear;
  }

  /** Index of the first character a request may not contain, or -1. Tab, CR and LF are allowed. */
  public static int firstUnsafeCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          int codePoint = text.codePointAt(i);
          if (isUnsafe(codePoint)) {
            return i;
          }
          i++;
          continue;
        }
        return i; // a lone surrogate is not text
      }
      if (Character.isLowSurrogate(c) || isUnsafe(c)) {
        return i;
      }
    }
    return -1;
  }

  static boolean isUnsafe(int c) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return false;
    }
    return c < 0x20 // C0 controls: NUL, BEL, ESC …
        || (c >= 0x7F && c <= 0x9F) // DEL and C1 controls
        || c == 0x00AD // soft hyphen
        || c == 0x061C // Arabic letter mark
        || c == 0x180E // Mongolian vowel separator
        || (c >= 0x200B && c <= 0x200F) // zero-width space/non-joiner/joiner, LRM, RLM
        || (c >= 0x202A && c <= 0x202E) // bidi embeddings and overrides
        || (c >= 0x2060 && c <= 0x206F) // word joiner, invisible operators, bidi isolates
        || c == 0xFEFF // zero-width no-break space (BOM)
        || (c >= 0xFFF9 && c <= 0xFFFB) // interlinear annotation
        || (c >= 0xE0000 && c <= 0xE007F); // tag characters
  }

  /** Whether a calendar value lies in the years a Party record can have. */
  public boolean plausible(Object value) {
    Integer year = null;
    if (value instanceof LocalDate d) {
      year = d.getYear();
    } else if (value instanceof YearMonth m) {
      year = m.getYear();
    } else if (value instanceof Year y) {
      year = y.getValue();
    } else if (value instanceof LocalDateTime t) {
      year = t.getYear();
    } else if (value instanceof OffsetDateTime t) {
      year = t.getYear();
    } else if (value instanceof ZonedDateTime t) {
      year = t.getYear();
    } else if (value instanceof Instant i) {
      year = i.atOffset(ZoneOffset.UTC).getYear();
    }
    return year == null || (year >= minYear && year <= maxYear);
  }
}
