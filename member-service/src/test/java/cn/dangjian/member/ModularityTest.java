package cn.dangjian.member;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.testsupport.architecture.ModuleDocs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages are Spring Modulith modules: no cycles, only exposed types used across. The
 * module documentation (PlantUML and canvases) is written to docs/modules/member-service.
 */
class ModularityTest {

  static final ApplicationModules MODULES = ApplicationModules.of(MemberServiceApplication.class);

  @Test
  void featurePackagesAreTheModules() {
    assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
        .containsExactlyInAnyOrder(
            "account",
            "approval",
            "bulk",
            "committee",
            "community",
            "development",
            "discipline",
            "dueshardship",
            "mobile",
            "org",
            "person",
            "privacy",
            "statistics",
            "structure",
            "transfer");
  }

  @Test
  void modulesKeepTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void writesTheModuleDocumentation() {
    Path docs = ModuleDocs.write(MODULES, "member-service");
    assertThat(docs.resolve("components.puml")).exists();
    assertThat(docs.resolve("module-org.adoc")).exists();
  }
}
