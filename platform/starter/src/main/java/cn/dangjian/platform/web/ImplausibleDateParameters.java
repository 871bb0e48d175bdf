package cn.dangjian.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The query-parameter side of {@link InputHygiene}: a date-typed request parameter ({@code
 * ?asOf=9999-12-31}, {@code ?month=2100-01}) outside the plausible years is a 400 naming the
 * parameter, before the controller runs. Request bodies are checked by {@link InputHygieneModule}.
 */
public final class ImplausibleDateParameters implements HandlerInterceptor {

  private static final Pattern LEADING_YEAR = Pattern.compile("^\\s*([+-]?\\d{4,})");

  private final InputHygiene hygiene;

  public ImplausibleDateParameters(InputHygiene hygiene) {
    this.hygiene = hygiene;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    for (MethodParameter parameter : method.getMethodParameters()) {
      if (!InputHygiene.CALENDAR_TYPES.contains(parameter.getParameterType())) {
        continue;
      }
      RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
      String name =
          annotation != null && !annotation.name().isEmpty()
              ? annotation.name()
              : parameter.getParameterName();
      String value = name == null ? null : request.getParameter(name);
      if (value != null && !plausibleYear(value)) {
        throw implausible(name);
      }
    }
    return true;
  }

  private boolean plausibleYear(String value) {
    Matcher year = LEADING_YEAR.matcher(value);
    if (!year.find()) {
      return true; // not ISO-shaped: the conversion itself answers 400
    }
    try {
      int y = Integer.parseInt(year.group(1).replace("+", ""));
      return y >= hygiene.minYear() && y <= hygiene.maxYear();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private ImplausibleDateParameter implausible(String name) {
    return new ImplausibleDateParameter(name, hygiene.minYear(), hygiene.maxYear());
  }

  /** A date parameter outside the plausible years; answered as a 400 validation problem. */
  public static final class ImplausibleDateParameter extends RuntimeException {
    private final String parameter;
    private final int minYear;
    private final int maxYear;

    ImplausibleDateParameter(String parameter, int minYear, int maxYear) {
      super("implausible date in parameter " + parameter, null, false, false);
      this.parameter = parameter;
      this.minYear = minYear;
      this.maxYear = maxYear;
    }

    public String parameter() {
      return parameter;
    }

    public Object[] messageArguments() {
      return new Object[] {String.valueOf(minYear), String.valueOf(maxYear)};
    }
  }
}
