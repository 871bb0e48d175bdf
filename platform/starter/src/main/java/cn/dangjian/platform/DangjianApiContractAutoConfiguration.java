package cn.dangjian.platform;

import cn.dangjian.platform.problem.ProblemResponseWriter;
import cn.dangjian.platform.web.ExpectedVersion;
import cn.dangjian.platform.web.ExpectedVersionResolver;
import cn.dangjian.platform.web.IdempotencyFilter;
import cn.dangjian.platform.web.IdempotencyKeys;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The conventions every endpoint shares and the API documents: conditional writes take an {@link
 * ExpectedVersion} (from {@code If-Match}, required); POSTs may carry an {@code Idempotency-Key}.
 */
@AutoConfiguration(after = DangjianWebAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class DangjianApiContractAutoConfiguration {

  @Bean
  IdempotencyKeys idempotencyKeys(JdbcTemplate jdbc, Clock clock) {
    return new IdempotencyKeys(jdbc, clock);
  }

  @Bean
  FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
      IdempotencyKeys keys, ProblemResponseWriter writer) {
    FilterRegistrationBean<IdempotencyFilter> registration =
        new FilterRegistrationBean<>(new IdempotencyFilter(keys, writer));
    // After Spring Security (order -100): the key is scoped to the authenticated caller.
    registration.setOrder(0);
    return registration;
  }

  @Bean
  WebMvcConfigurer dangjianExpectedVersions() {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ExpectedVersionResolver());
      }
    };
  }

  /** Documents the If-Match header where a method takes an {@link ExpectedVersion}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(GlobalOperationCustomizer.class)
  static class OpenApiConventions {

    static {
      SpringDocUtils.getConfig().addRequestWrapperToIgnore(ExpectedVersion.class);
    }

    @Bean
    GlobalOperationCustomizer dangjianIfMatchHeader() {
      return (operation, handlerMethod) -> {
        boolean conditional =
            Arrays.stream(handlerMethod.getMethodParameters())
                .anyMatch(p -> p.getParameterType() == ExpectedVersion.class);
        if (conditional) {
          operation.addParametersItem(
              new HeaderParameter()
                  .name(HttpHeaders.IF_MATCH)
                  .required(true)
                  .description(
                      "读取时得到的 ETag；缺少为 428，已过期为 412。"
                          + " The ETag read; missing → 428, stale → 412.")
                  .schema(new StringSchema().example("\"3\"")));
        }
        return operation;
      };
    }
  }
}
