package cn.dangjian.gateway.limits;

import cn.dangjian.gateway.GatewayProperties;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The buckets every limiter of this instance charges, shared with the other instances. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

  @Bean(destroyMethod = "close")
  SharedBuckets sharedBuckets(DataSource dataSource, GatewayProperties properties) {
    GatewayProperties.RateLimit settings = properties.rateLimit();
    return new SharedBuckets(
        dataSource,
        new SharedBuckets.Settings(
            settings.syncTokens(),
            settings.syncInterval(),
            settings.storeRetryAfter(),
            settings.maxTrackedCallers(),
            settings.shared()));
  }
}
