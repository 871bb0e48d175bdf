package cn.dangjian.orglife;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.testsupport.ApplicationYaml;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.util.unit.DataSize;

/**
 * The org-life numbers as defaults ({@code @DefaultValue} is text: a typo would only show at
 * runtime), and application.yml binding to the same.
 */
class OrgLifePropertiesTest {

  private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

  @Test
  void withNothingConfiguredEveryDefaultApplies() {
    OrgLifeProperties properties =
        new Binder().bindOrCreate("dangjian.org-life", OrgLifeProperties.class);

    assertRuleDefaults(properties);
    assertThat(properties.attachments().directory()).isEqualTo(TMP.resolve("dangjian/orglife"));
    assertThat(properties.attachments().maxSize()).isEqualTo(DataSize.ofMegabytes(10));
    assertThat(properties.attachments().allowedTypes())
        .containsExactly("image/jpeg", "image/png", "application/pdf", "text/plain");
  }

  @Test
  void theApplicationYmlBindsToTheSameRulesAndItsOwnAttachmentSettings() throws Exception {

    OrgLifeProperties properties =
        ApplicationYaml.binder().bindOrCreate("dangjian.org-life", OrgLifeProperties.class);

    assertRuleDefaults(properties);
    assertThat(properties.attachments().directory())
        .isEqualTo(TMP.resolve("dangjian/orglife-attachments"));
    assertThat(properties.attachments().maxSize()).isEqualTo(DataSize.ofMegabytes(10));
    assertThat(properties.attachments().allowedTypes())
        .contains("application/pdf", "text/plain")
        .hasSize(6);
  }

  private static void assertRuleDefaults(OrgLifeProperties properties) {
    assertThat(properties.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(properties.formalism()).isEqualTo(new OrgLifeProperties.Formalism(0.8, 30, 4, 7));
    assertThat(properties.training())
        .isEqualTo(
            new OrgLifeProperties.Training(
                BigDecimal.valueOf(2), BigDecimal.valueOf(32), BigDecimal.valueOf(56), 1));
  }
}
