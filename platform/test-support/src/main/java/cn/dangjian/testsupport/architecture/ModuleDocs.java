package cn.dangjian.testsupport.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.CanvasOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.ElementsWithoutRelationships;

/**
 * Writes a service's Spring Modulith documentation (PlantUML diagrams, module canvases, one
 * aggregating page) to {@code docs/modules/<service>}, the same way for every service.
 */
public final class ModuleDocs {

  private ModuleDocs() {}

  /**
   * @return the folder written
   */
  public static Path write(ApplicationModules modules, String service) {
    // relative to the module directory, where Maven runs the tests
    Path folder = Path.of("..", "docs", "modules", service);
    // modules nobody depends on still belong in the overview
    DiagramOptions diagrams =
        DiagramOptions.defaults()
            .withElementsWithoutRelationships(ElementsWithoutRelationships.VISIBLE);
    CanvasOptions canvases = CanvasOptions.defaults();
    // not writeDocumentation(): its module metadata would land in target/classes and the jar
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
        .writeModulesAsPlantUml(diagrams)
        .writeIndividualModulesAsPlantUml(diagrams)
        .writeModuleCanvases(canvases)
        .writeAggregatingDocument(diagrams, canvases);
    sortRelationships(folder);
    return folder;
  }

  /**
   * The diagrams list their relationships in hash order; sorted, a run without a structural change
   * leaves the committed files as they are.
   */
  static void sortRelationships(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path diagram : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
        List<String> lines = List.of(Files.readString(diagram).split("\n", -1));
        Iterator<String> sorted =
            lines.stream().filter(l -> l.startsWith("Rel(")).sorted().toList().iterator();
        List<String> out =
            lines.stream().map(l -> l.startsWith("Rel(") ? sorted.next() : l).toList();
        Files.writeString(diagram, String.join("\n", out));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
