package cn.dangjian.platform;

import cn.dangjian.platform.lifecycle.ShutdownDrain;
import cn.dangjian.platform.problem.ProblemDetailsHandler;
import cn.dangjian.platform.problem.ProblemFactory;
import cn.dangjian.platform.problem.ProblemResponseWriter;
import cn.dangjian.platform.problem.RequestSizeLimitFilter;
import cn.dangjian.platform.time.PartyCalendar;
import cn.dangjian.platform.time.WallClockModule;
import cn.dangjian.platform.web.ImplausibleDateParameters;
import cn.dangjian.platform.web.InputHygiene;
import cn.dangjian.platform.web.InputHygieneModule;
import cn.dangjian.platform.web.VersionETags;
import io.micrometer.tracing.Tracer;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/** Problem details, language, request size limit and OpenAPI basics for servlet services. */
// Before WebMvcAutoConfiguration so our localeResolver replaces Boot's.
@AutoConfiguration(
    beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(DangjianProperties.class)
public class DangjianWebAutoConfiguration {

  /** Chinese unless the client asks for English. */
  @Bean(name = "localeResolver")
  LocaleResolver localeResolver() {
    AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
    resolver.setSupportedLocales(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
    resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
    return resolver;
  }

  /**
   * Request bodies: no invisible/control characters in strings, no implausible dates, and no
   * numbers or booleans silently turned into strings ({@code "name": 123}).
   */
  /** {@code dangjian.shutdown.drain-delay}: how long a stopping replica keeps serving (0 s). */
  @Bean
  ShutdownDrain shutdownDrain(
      @Value("${dangjian.shutdown.drain-delay:0s}") java.time.Duration drainDelay) {
    return new ShutdownDrain(drainDelay);
  }

  @Bean
  InputHygiene inputHygiene(DangjianProperties properties) {
    return new InputHygiene(properties.web().minYear(), properties.web().maxYear());
  }

  @Bean
  JsonMapperBuilderCustomizer dangjianInputHygiene(InputHygiene hygiene) {
    return builder ->
        builder
            .addModule(new InputHygieneModule(hygiene))
            .addModule(new WallClockModule(PartyCalendar.ZONE))
            .withCoercionConfig(
                LogicalType.Textual,
                config ->
                    config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }

  /** The same plausible years for date-typed query parameters ({@code ?asOf=9999-12-31}). */
  @Bean
  WebMvcConfigurer dangjianDateParameters(InputHygiene hygiene) {
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ImplausibleDateParameters(hygiene));
      }
    };
  }

  @Bean
  ProblemFactory problemFactory(MessageSource messageSource, ObjectProvider<Tracer> tracer) {
    return new ProblemFactory(messageSource, tracer);
  }

  @Bean
  ProblemResponseWriter problemResponseWriter(
      ProblemFactory problems, LocaleResolver localeResolver, JsonMapper jsonMapper) {
    return new ProblemResponseWriter(problems, localeResolver, jsonMapper);
  }

  @Bean
  ProblemDetailsHandler problemDetailsHandler(ProblemFactory problems) {
    return new ProblemDetailsHandler(problems);
  }

  @Bean
  FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
      DangjianProperties properties, ProblemResponseWriter writer) {
    FilterRegistrationBean<RequestSizeLimitFilter> registration =
        new FilterRegistrationBean<>(
            new RequestSizeLimitFilter(properties.web().maxRequestSize().toBytes(), writer));
    // Before Spring Security: an oversized body is refused without being read or authenticated.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  VersionETags dangjianVersionETags() {
    return new VersionETags();
  }

  @Bean
  @ConditionalOnMissingBean
  OpenAPI dangjianOpenApi(
      @Value("${dangjian.api.title:${spring.application.name:dangjian}}") String title,
      @Value("${dangjian.api.description:党建云 API (Dangjian Cloud)}") String description,
      @Value("${dangjian.api.version:v1}") String version,
      // a setting of its own, not the issuer: tests point the issuer at a stub, the document
      // stays the same; production sets it to the public Keycloak realm
      @Value(
              "${dangjian.api.openid-connect-url:"
                  + "http://localhost:8180/realms/dangjian/.well-known/openid-configuration}")
          String openIdConnectUrl) {
    return new OpenAPI()
        .info(new Info().title(title).description(description).version(version).license(license()))
        .servers(List.of(gatewayServer()))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer-jwt",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("Keycloak 访问令牌 (Keycloak access token, realm dangjian)"))
                .addSecuritySchemes(
                    "keycloak",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.OPENIDCONNECT)
                        .openIdConnectUrl(openIdConnectUrl)
                        .description(
                            "用 Keycloak 登录：授权码 + PKCE，客户端 dangjian-web（Swagger UI 的 Authorize）"
                                + " (sign in with Keycloak: authorization code + PKCE, client"
                                + " dangjian-web)")))
        // either: a token obtained elsewhere, or a sign-in from the docs page
        .addSecurityItem(new SecurityRequirement().addList("bearer-jwt"))
        .addSecurityItem(new SecurityRequirement().addList("keycloak", List.of("openid")));
  }

  /** No open-source licence has been granted: the documents say so instead of saying nothing. */
  private static License license() {
    return new License()
        .name("专有软件，保留所有权利 (proprietary, all rights reserved)")
        .identifier("LicenseRef-Dangjian-Proprietary");
  }

  /**
   * Relative, so that the document holds wherever it is read: through the gateway (Swagger UI, the
   * same host) or from a service directly; a fixed host would be wrong in every other deployment.
   */
  private static Server gatewayServer() {
    return new Server()
        .url("/")
        .description("提供本文档的网关或服务 (the gateway or service that serves this document)");
  }
}
