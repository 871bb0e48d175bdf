package cn.dangjian.dues;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages are Spring Modulith modules: no cycles, only the dependencies each
 * package-info allows, only exposed types used across. The module documentation (PlantUML and
 * canvases) is written to docs/modules/dues-service on every run.
 */
class ModularityTest {

  static final ApplicationModules MODULES = ApplicationModules.of(DuesServiceApplication.class);

  /** Relative to the module directory, where Maven runs the tests. */
  static final Path DOCS = Path.of("..", "docs", "modules", "dues-service");

  @Test
  void featurePackagesAreTheModules() {
    assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
        .containsExactlyInAnyOrder(
            "access",
            "arrears",
            "audit",
            "bill",
            "config",
            "export",
            "payment",
            "profile",
            "provider",
            "report",
            "support");
  }

  @Test
  void modulesKeepTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void writesModuleDocumentation() {
    // not writeDocumentation(): its module metadata would land in target/classes and the jar
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases()
        .writeAggregatingDocument();
    assertThat(DOCS.resolve("components.puml")).exists();
    assertThat(DOCS.resolve("module-bill.adoc")).exists();
    assertThat(Files.exists(DOCS.resolve("all-docs.adoc"))).isTrue();
  }
}
