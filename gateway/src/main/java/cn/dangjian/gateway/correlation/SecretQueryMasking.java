package cn.dangjian.gateway.correlation;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The alert stream's single-use ticket travels in the query string ({@code ?ticket=}): the proxied
 * call's observation records the full URI ({@code http.uri}) in its spans, so every key value is
 * masked before it is exported. The gateway writes no access log and its own log lines name the
 * path only.
 */
@Component
class SecretQueryMasking implements ObservationFilter {

  private static final Pattern TICKET = Pattern.compile("([?&]ticket=)[^&\\s]*");

  @Override
  public Observation.Context map(Observation.Context context) {
    for (KeyValue value : context.getAllKeyValues()) {
      if (value.getValue().contains("ticket=")) {
        KeyValue masked = KeyValue.of(value.getKey(), mask(value.getValue()));
        if (context.getLowCardinalityKeyValue(value.getKey()) != null) {
          context.addLowCardinalityKeyValue(masked);
        } else {
          context.addHighCardinalityKeyValue(masked);
        }
      }
    }
    return context;
  }

  static String mask(String text) {
    return TICKET.matcher(text).replaceAll("$1***");
  }
}
