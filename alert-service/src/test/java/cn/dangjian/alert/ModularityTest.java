package cn.dangjian.alert;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.testsupport.architecture.ModuleDocs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages under {@code cn.dangjian.alert} are Spring Modulith application modules: no
 * cycles, and a module uses another only through what that one exposes (its named interfaces, see
 * each package-info). The documentation in docs/modules/alert-service is written from the same
 * model, so a structural change shows up in the diff.
 */
class ModularityTest {

  static final ApplicationModules MODULES = ApplicationModules.of(AlertServiceApplication.class);

  @Test
  void featurePackagesAreTheModules() {
    assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
        .containsExactlyInAnyOrder(
            "catalogue",
            "channels",
            "evaluation",
            "handling",
            "intake",
            "push",
            "rules",
            "state",
            "sweep");
  }

  @Test
  void modulesKeepTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void writesTheModuleDocumentation() {
    Path docs = ModuleDocs.write(MODULES, "alert-service");
    assertThat(docs.resolve("components.puml")).exists();
    assertThat(docs.resolve("module-handling.adoc")).exists();
  }
}
