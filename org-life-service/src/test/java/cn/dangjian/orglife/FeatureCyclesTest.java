package cn.dangjian.orglife;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Feature packages depend on each other without cycles (meeting ↔ attendance was one: the meeting
 * module now owns its attendance rows and attendance only reads the absence reasons).
 */
class FeatureCyclesTest {

  @Test
  void featurePackagesAreFreeOfCycles() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.dangjian.orglife");
    slices()
        .matching("cn.dangjian.orglife.(*)..")
        .namingSlices("feature '$1'")
        .should()
        .beFreeOfCycles()
        .check(classes);
  }
}
