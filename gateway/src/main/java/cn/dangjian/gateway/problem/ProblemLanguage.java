package cn.dangjian.gateway.problem;

import java.util.List;
import java.util.Locale;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Chooses the language of a problem's texts: Chinese unless the caller prefers English. A malformed
 * Accept-Language header must not turn an error answer into another error.
 */
public final class ProblemLanguage {

  private static final List<Locale> SUPPORTED = List.of(Locale.CHINESE, Locale.ENGLISH);

  private ProblemLanguage() {}

  public static Locale of(ServerHttpRequest request) {
    try {
      List<Locale.LanguageRange> ranges = request.getHeaders().getAcceptLanguage();
      Locale match = ranges.isEmpty() ? null : Locale.lookup(ranges, SUPPORTED);
      return match != null && "en".equals(match.getLanguage())
          ? Locale.ENGLISH
          : Locale.SIMPLIFIED_CHINESE;
    } catch (IllegalArgumentException malformed) {
      return Locale.SIMPLIFIED_CHINESE;
    }
  }

  public static boolean isEnglish(Locale locale) {
    return "en".equals(locale.getLanguage());
  }
}
