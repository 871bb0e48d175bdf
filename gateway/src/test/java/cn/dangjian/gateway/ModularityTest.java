package cn.dangjian.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The gateway's feature packages (routing, security, limits, edge, …) are Spring Modulith modules:
 * no cycles, only exposed types used across. Documentation goes to docs/modules/gateway.
 */
class ModularityTest {

  static final ApplicationModules MODULES = ApplicationModules.of(GatewayApplication.class);

  /** Relative to the module directory, where Maven runs the tests. */
  static final Path DOCS = Path.of("..", "docs", "modules", "gateway");

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
  }
}
