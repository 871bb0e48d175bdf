package cn.dangjian.alert.push;

import cn.dangjian.platform.crypto.KeyRingCipher;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SSRF guard, the at-rest cipher of webhook secrets, and the secret-free idempotency store. */
@Configuration(proxyBeanMethods = false)
class WebhookSecurityConfiguration {

  @Bean
  WebhookTargets webhookTargets(WebhookProperties properties) {
    return new WebhookTargets(
        properties.allowInsecureHttp(),
        properties.allowedAddresses(),
        WebhookTargets::systemResolve);
  }

  @Bean
  WebhookSecrets webhookSecrets(WebhookProperties properties) {
    return new WebhookSecrets(
        KeyRingCipher.fromBase64(
            properties.secretKeys(),
            properties.secretKey(),
            properties.currentKeyId(),
            "dangjian.alerts.webhooks.secret-key / dangjian.alerts.webhooks.secret-keys.<kid>"));
  }

  @Bean
  FilterRegistrationBean<WebhookSecretFilter> webhookSecretFilter() {
    FilterRegistrationBean<WebhookSecretFilter> registration =
        new FilterRegistrationBean<>(new WebhookSecretFilter());
    // outside the platform's IdempotencyFilter (order 0): what it stores has no secret in it
    registration.setOrder(-50);
    registration.addUrlPatterns("/api/alerts/webhooks");
    return registration;
  }
}
