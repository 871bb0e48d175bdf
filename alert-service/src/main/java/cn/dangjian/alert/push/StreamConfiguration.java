package cn.dangjian.alert.push;

import cn.dangjian.platform.problem.ProblemResponseWriter;
import cn.dangjian.platform.security.KeycloakJwtAuthenticationConverter;
import cn.dangjian.platform.web.IdempotencyFilter;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.ObservationFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The stream ticket's way in (before Spring Security, on the stream path only), and its ways not to
 * leak: never into the idempotency store, never into a span.
 */
@Configuration(proxyBeanMethods = false)
class StreamConfiguration {

  private static final Pattern TICKET = Pattern.compile("([?&]ticket=)[^&\\s]*");

  /** The stream log's purge, on one replica per round. */
  @Bean
  RecurringTask<Void> alertStreamPurge(
      AlertStream stream, @Value("${dangjian.alerts.stream.purge-interval:1h}") Duration interval) {
    return Tasks.recurring("alert-stream-purge", FixedDelay.of(interval))
        .execute((instance, context) -> stream.purge());
  }

  @Bean
  FilterRegistrationBean<StreamTicketFilter> streamTicketFilter(
      StreamTickets tickets,
      KeycloakJwtAuthenticationConverter converter,
      ProblemResponseWriter problems) {
    FilterRegistrationBean<StreamTicketFilter> registration =
        new FilterRegistrationBean<>(new StreamTicketFilter(tickets, converter, problems));
    // before Spring Security's chain (-100), which then finds the ticket's caller
    registration.setOrder(-110);
    registration.addUrlPatterns(StreamTicketFilter.PATH);
    return registration;
  }

  /**
   * A ticket must not sit in the idempotency store in clear text: the key is hidden from the
   * platform's filter on this path, and a retried POST simply buys another ticket.
   */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> streamTicketWithoutIdempotencyKey() {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
              @Override
              protected void doFilterInternal(
                  HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws ServletException, IOException {
                chain.doFilter(withoutIdempotencyKey(request), response);
              }
            });
    registration.setOrder(-50);
    registration.addUrlPatterns("/api/alerts/stream-tickets");
    return registration;
  }

  private static HttpServletRequest withoutIdempotencyKey(HttpServletRequest request) {
    return new HttpServletRequestWrapper(request) {
      @Override
      public String getHeader(String name) {
        return IdempotencyFilter.HEADER.equalsIgnoreCase(name) ? null : super.getHeader(name);
      }

      @Override
      public Enumeration<String> getHeaders(String name) {
        return IdempotencyFilter.HEADER.equalsIgnoreCase(name)
            ? Collections.emptyEnumeration()
            : super.getHeaders(name);
      }
    };
  }

  /** Spans and metrics never carry a ticket, should a convention record the query string. */
  @Bean
  ObservationFilter streamTicketMasking() {
    return context -> {
      for (KeyValue value : context.getAllKeyValues()) {
        if (value.getValue().contains("ticket=")) {
          context.addHighCardinalityKeyValue(KeyValue.of(value.getKey(), mask(value.getValue())));
        }
      }
      return context;
    };
  }

  static String mask(String text) {
    return TICKET.matcher(text).replaceAll("$1***");
  }
}
