package cn.dangjian.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.testsupport.architecture.ModuleDocs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The gateway's feature packages (routing, security, limits, edge, …) are Spring Modulith modules:
 * no cycles, only exposed types used across. Documentation goes to docs/modules/gateway.
 */
class ModularityTest {

  static final ApplicationModules MODULES = ApplicationModules.of(GatewayApplication.class);

  @Test
  void modulesKeepTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void writesTheModuleDocumentation() {
    Path docs = ModuleDocs.write(MODULES, "gateway");
    assertThat(docs.resolve("components.puml")).exists();
  }
}
