package cn.dangjian.platform;

import cn.dangjian.platform.openapi.ApiContractCustomizer;
import cn.dangjian.platform.openapi.RecordSchemas;
import cn.dangjian.platform.problem.ProblemResponseWriter;
import cn.dangjian.platform.web.ExpectedVersion;
import cn.dangjian.platform.web.ExpectedVersionResolver;
import cn.dangjian.platform.web.IdempotencyFilter;
import cn.dangjian.platform.web.IdempotencyKeys;
import io.swagger.v3.core.jackson.ModelResolver;
import java.time.Clock;
import java.util.List;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

  /** What every API document states about these conventions (operation names, errors…). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(GlobalOperationCustomizer.class)
  static class OpenApiConventions {

    static {
      SpringDocUtils.getConfig().addRequestWrapperToIgnore(ExpectedVersion.class);
      // enums as named schemas, so a generated client has one type per enum, not a string union
      // each
      ModelResolver.enumsAsRef = true;
    }

    @Bean
    RecordSchemas dangjianRecordSchemas() {
      return new RecordSchemas();
    }

    @Bean
    ApiContractCustomizer dangjianApiContract(RecordSchemas records) {
      return new ApiContractCustomizer(records);
    }
  }
}
