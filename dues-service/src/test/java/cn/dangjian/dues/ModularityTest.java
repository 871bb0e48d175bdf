package cn.dangjian.dues;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.testsupport.architecture.ModuleDocs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages are Spring Modulith modules: no cycles, only the dependencies each
 * package-info allows, only exposed types used across. The module documentation (PlantUML and
 * canvases) is written to docs/modules/dues-service on every run.
 */
class ModularityTest {

  static final ApplicationModules MODULES = ApplicationModules.of(DuesServiceApplication.class);

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
            "ledger",
            "meeting",
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
  void writesTheModuleDocumentation() {
    Path docs = ModuleDocs.write(MODULES, "dues-service");
    assertThat(docs.resolve("components.puml")).exists();
    assertThat(docs.resolve("module-bill.adoc")).exists();
  }
}
