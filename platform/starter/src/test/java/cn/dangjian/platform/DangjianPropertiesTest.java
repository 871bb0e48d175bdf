package cn.dangjian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/** The shared settings' defaults (@DefaultValue is text: a typo would only show at runtime). */
class DangjianPropertiesTest {

  @Test
  void withNothingConfiguredEveryDefaultApplies() {
    DangjianProperties properties = new Binder().bindOrCreate("dangjian", DangjianProperties.class);

    assertThat(properties.web().maxRequestSize()).isEqualTo(DataSize.ofMegabytes(1));
    assertThat(properties.web().minYear()).isEqualTo(1900);
    assertThat(properties.web().maxYear()).isEqualTo(2099);
    assertThat(properties.events().resubmitInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(properties.events().resubmitAfter()).isEqualTo(Duration.ofMinutes(1));
    assertThat(properties.events().consumerRetries()).isEqualTo(3);
    assertThat(properties.events().completedRetention()).isEqualTo(Duration.ofDays(7));
    assertThat(properties.events().housekeepingInterval()).isEqualTo(Duration.ofHours(1));
    assertThat(properties.events().processedRetention()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void oneSettingOfAGroupLeavesTheOthersAtTheirDefaults() {
    Binder binder =
        new Binder(
            new MapConfigurationPropertySource(
                Map.of(
                    "dangjian.web.max-request-size", "2KB",
                    "dangjian.events.consumer-retries", "2")));

    DangjianProperties properties = binder.bindOrCreate("dangjian", DangjianProperties.class);

    assertThat(properties.web().maxRequestSize()).isEqualTo(DataSize.ofKilobytes(2));
    assertThat(properties.web().maxYear()).isEqualTo(2099);
    assertThat(properties.events().consumerRetries()).isEqualTo(2);
    assertThat(properties.events().resubmitInterval()).isEqualTo(Duration.ofSeconds(1));
  }
}
