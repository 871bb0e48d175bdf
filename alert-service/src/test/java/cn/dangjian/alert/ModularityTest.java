package cn.dangjian.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.CanvasOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.ElementsWithoutRelationships;

/**
 * The feature packages under {@code cn.dangjian.alert} are Spring Modulith application modules: no
 * cycles, and a module uses another only through what that one exposes (its named interfaces, see
 * each package-info). The documentation in docs/modules/alert-service is written from the same
 * model, so a structural change shows up in the diff.
 */
class ModularityTest {

  /** Tests run in the module directory; the docs live at the repository root. */
  static final String DOCS = "../docs/modules/alert-service";

  static final ApplicationModules MODULES = ApplicationModules.of(AlertServiceApplication.class);

  @Test
  void featurePackagesAreTheModules() {
    assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
        .containsExactlyInAnyOrder(
            "alert", "catalogue", "evaluation", "intake", "push", "rules", "state", "sweep");
  }

  @Test
  void featurePackagesAreVerifiedModules() {
    MODULES.verify();
  }

  @Test
  void writesTheModuleDocumentation() throws IOException {
    // modules nobody depends on (intake, sweep) still belong in the overview
    DiagramOptions diagrams =
        DiagramOptions.defaults()
            .withElementsWithoutRelationships(ElementsWithoutRelationships.VISIBLE);
    CanvasOptions canvases = CanvasOptions.defaults();
    // not writeDocumentation(): its module metadata would land in target/classes and the jar
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS))
        .writeModulesAsPlantUml(diagrams)
        .writeIndividualModulesAsPlantUml(diagrams)
        .writeModuleCanvases(canvases)
        .writeAggregatingDocument(diagrams, canvases);
    sortRelationships(Path.of(DOCS));
    assertThat(Path.of(DOCS, "components.puml")).exists();
    assertThat(Path.of(DOCS, "module-alert.adoc")).exists();
  }

  /**
   * The diagrams list their relationships in hash order; sorted, a run without a structural change
   * leaves the committed files as they are.
   */
  static void sortRelationships(Path folder) throws IOException {
    List<Path> diagrams;
    try (Stream<Path> files = Files.list(folder)) {
      diagrams = files.filter(f -> f.toString().endsWith(".puml")).toList();
    }
    for (Path diagram : diagrams) {
      List<String> lines = List.of(Files.readString(diagram).split("\n", -1));
      Iterator<String> sorted =
          lines.stream().filter(l -> l.startsWith("Rel(")).sorted().toList().iterator();
      List<String> out = lines.stream().map(l -> l.startsWith("Rel(") ? sorted.next() : l).toList();
      Files.writeString(diagram, String.join("\n", out));
    }
  }
}
