package cn.dangjian.orglife;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.testsupport.architecture.ModuleDocs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages under {@code cn.dangjian.orglife} are Spring Modulith application modules:
 * no cycles, and a module uses another only through what that one exposes (its named interfaces,
 * see each package-info). The documentation in docs/modules/org-life-service is written from the
 * same model, so a structural change shows up in the diff.
 */
class ModularityTest {

  static final ApplicationModules MODULES = ApplicationModules.of(OrgLifeServiceApplication.class);

  @Test
  void featurePackagesAreTheModules() {
    assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
        .containsExactlyInAnyOrder(
            "appraisal",
            "attachment",
            "attendance",
            "compliance",
            "directory",
            "discussion",
            "formalism",
            "meeting",
            "talk",
            "training");
  }

  @Test
  void modulesKeepTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void writesTheModuleDocumentation() {
    Path docs = ModuleDocs.write(MODULES, "org-life-service");
    assertThat(docs.resolve("components.puml")).exists();
    assertThat(docs.resolve("module-meeting.adoc")).exists();
  }
}
