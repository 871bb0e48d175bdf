package cn.dangjian.dues.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.testsupport.ApplicationYaml;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The regulation's numbers as defaults ({@code @DefaultValue} is text: a typo would only show at
 * runtime), and the service's application.yml binding to the same.
 */
class DuesPropertiesTest {

  @Test
  void withNothingConfiguredTheRegulationsNumbersApply() {
    assertRegulationDefaults(new Binder().bindOrCreate("dangjian.dues", DuesProperties.class));
  }

  @Test
  void theApplicationYmlBindsToTheSameNumbers() throws Exception {
    DuesProperties properties =
        ApplicationYaml.binder().bindOrCreate("dangjian.dues", DuesProperties.class);

    assertRegulationDefaults(properties);
    assertThat(properties.sandbox().signingKey()).isEqualTo("sandbox-signing-key-local-only");
  }

  @Test
  void aProvinceConfiguresItsOwnBrackets() {
    Binder binder =
        new Binder(
            new MapConfigurationPropertySource(
                Map.of(
                    "dangjian.dues.rates.salary[0].up-to-fen", "300000",
                    "dangjian.dues.rates.salary[0].percent", "0.5",
                    "dangjian.dues.rates.salary[1].percent", "1",
                    "dangjian.dues.payments.prepay-months", "12")));

    DuesProperties properties = binder.bindOrCreate("dangjian.dues", DuesProperties.class);

    assertThat(properties.rates().salary())
        .containsExactly(
            new DuesProperties.Bracket(300_000L, new BigDecimal("0.5")),
            new DuesProperties.Bracket(null, BigDecimal.ONE));
    assertThat(properties.rates().retiree()).isEmpty();
    assertThat(properties.payments().prepayMonths()).isEqualTo(12);
    assertThat(properties.payments().backMonths()).isEqualTo(6);
  }

  @Test
  void theSigningKeyIsEmptyUnlessConfigured() {
    assertThat(new Binder().bindOrCreate("dangjian.dues", DuesProperties.class).sandbox())
        .extracting(DuesProperties.Sandbox::signingKey)
        .isEqualTo("");
  }

  private static void assertRegulationDefaults(DuesProperties properties) {
    assertThat(properties.rates().salary()).isEmpty();
    assertThat(properties.rates().retiree()).isEmpty();
    assertThat(properties.rates().fixedFen()).isEqualTo(20);
    assertThat(properties.rates().farmerMinFen()).isEqualTo(20);
    assertThat(properties.rates().farmerMaxFen()).isEqualTo(100);
    assertThat(properties.rates().farmerDefaultFen()).isEqualTo(20);
    assertThat(properties.payments().backMonths()).isEqualTo(6);
    assertThat(properties.payments().prepayMonths()).isEqualTo(6);
    assertThat(properties.payments().centreThresholdFen()).isEqualTo(100_000);
    assertThat(properties.payments().orderTtl()).isEqualTo(Duration.ofMinutes(30));
    assertThat(properties.sandbox().enabled()).isFalse();
    assertThat(properties.sandbox().payUrlBase()).isEqualTo("/api/dues/sandbox/orders/");
    assertThat(properties.generation().chunkSize()).isEqualTo(50_000);
    assertThat(properties.callbacks().maxSkew()).isEqualTo(Duration.ofMinutes(5));
    assertThat(properties.callbacks().noncePurgeInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(properties.exports().maxRows()).isEqualTo(10_000);
  }
}
