package cn.dangjian.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * Each rule fails on a violation planted under {@code sample.bad} and passes on {@code
 * sample.clean}: the proof that the rules bite before a service relies on them.
 */
class ArchitectureRulesTest {

  private static final String BAD = "cn.dangjian.testsupport.architecture.sample.bad";
  private static final String CLEAN = "cn.dangjian.testsupport.architecture.sample.clean";

  // test classes: ArchitectureRules.mainClasses would (rightly) skip them
  private static final JavaClasses BAD_CLASSES = new ClassFileImporter().importPackages(BAD);
  private static final JavaClasses CLEAN_CLASSES = new ClassFileImporter().importPackages(CLEAN);

  @Test
  void cycleBetweenFeaturePackagesFails() {
    String report = violations(ArchitectureRules.noCyclesBetweenFeatures(BAD), BAD_CLASSES);
    assertThat(report)
        .contains("Feature packages of " + BAD + " depend on each other without cycles")
        .contains("feature 'alpha'")
        .contains("feature 'beta'");
  }

  @Test
  void controllerWithJdbcTemplateFieldFails() {
    String report = violations(ArchitectureRules.controllersHoldNoSql(), BAD_CLASSES);
    assertThat(report)
        .contains("Controllers do not use JdbcTemplate")
        .contains(BAD + ".web.SqlController")
        .doesNotContain("LookupService");
  }

  @Test
  void jdbcOutsideStoresFails() {
    String report = violations(ArchitectureRules.jdbcOnlyInStores(), BAD_CLASSES);
    assertThat(report)
        .contains("Only classes named *Store, *Repository or *Queries use JdbcTemplate")
        .contains(BAD + ".web.SqlController")
        .contains(BAD + ".web.LookupService")
        .contains(BAD + ".config.JdbcSetup");
  }

  @Test
  void rulesClassImportingSpringFails() {
    String report = violations(ArchitectureRules.rulesArePlain(), BAD_CLASSES);
    assertThat(report)
        .contains("Classes named *Rules depend on nothing in org.springframework..")
        .contains(BAD + ".rules.PricingRules")
        .contains("org.springframework.util.Assert");
  }

  @Test
  void swaggerOnServiceAndDomainTypesFails() {
    String report = violations(ArchitectureRules.swaggerOnlyOnWebTypes(), BAD_CLASSES);
    assertThat(report)
        .contains("Swagger annotations appear only on controllers")
        .contains(BAD + ".docs.ReportService$Summary")
        .contains(BAD + ".docs.Ledger");
  }

  @Test
  void swaggerOnViewNestedInServiceFails() {
    String report = violations(ArchitectureRules.noSwaggerInServices(), BAD_CLASSES);
    assertThat(report)
        .contains("No *Service (nor a type nested in one) carries Swagger annotations")
        .contains(BAD + ".docs.ReportService$ReportView");
  }

  @Test
  void cleanSamplePassesEveryRule() {
    for (ArchRule rule : ArchitectureRules.rules(CLEAN)) {
      EvaluationResult result = rule.evaluate(CLEAN_CLASSES);
      assertThat(result.hasViolation())
          .as("%s on the clean sample:%n%s", rule.getDescription(), result.getFailureReport())
          .isFalse();
    }
    ArchitectureRules.check(CLEAN_CLASSES, CLEAN);
  }

  @Test
  void checkReportsEveryPlantedViolationAtOnce() {
    assertThatThrownBy(() -> ArchitectureRules.check(BAD_CLASSES, BAD))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("without cycles")
        .hasMessageContaining("SqlController")
        .hasMessageContaining("LookupService")
        .hasMessageContaining("PricingRules")
        .hasMessageContaining("ReportService$Summary")
        .hasMessageContaining("Ledger");
  }

  @Test
  void allowListedConfigurationMayUseJdbc() {
    String report =
        violations(ArchitectureRules.jdbcOnlyInStores(BAD + ".config.JdbcSetup"), BAD_CLASSES);
    assertThat(report).doesNotContain("JdbcSetup").contains("LookupService");
  }

  @Test
  void allowListTakesConfigurationClassesOnly() {
    assertThatThrownBy(() -> ArchitectureRules.check(BAD_CLASSES, BAD, BAD + ".web.LookupService"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("@Configuration classes only");
    assertThatThrownBy(() -> ArchitectureRules.check(BAD_CLASSES, BAD, BAD + ".NoSuchClass"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("missing class");
  }

  @Test
  void verifyChecksMainClassesOnly() {
    // the samples are test classes: verify imports none of them and says so
    assertThatThrownBy(() -> ArchitectureRules.verify(BAD))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("No classes found under " + BAD);
  }

  private static String violations(ArchRule rule, JavaClasses classes) {
    EvaluationResult result = rule.evaluate(classes);
    assertThat(result.hasViolation()).as("%s should fail", rule.getDescription()).isTrue();
    return result.getFailureReport().toString();
  }
}
