package cn.dangjian.testsupport.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the state machines drawn in docs/architecture.md, so that a service's test can hold its
 * enum to the diagram: a status added in code and not drawn (or drawn and gone) fails.
 */
public final class StateDiagrams {

  /** Relative to a module directory, where Maven runs the tests. */
  static final Path DOC = Path.of("..", "docs", "architecture.md");

  private StateDiagrams() {}

  /**
   * The states of the Mermaid {@code stateDiagram-v2} after the paragraph that starts with {@code
   * **title**} (the start/end marker {@code [*]} is not a state).
   */
  public static Set<String> states(String title) {
    return states(read(DOC), title);
  }

  static Set<String> states(List<String> lines, String title) {
    int at = 0;
    while (at < lines.size() && !lines.get(at).startsWith("**" + title + "**")) {
      at++;
    }
    while (at < lines.size() && !lines.get(at).strip().equals("stateDiagram-v2")) {
      at++;
    }
    if (at == lines.size()) {
      throw new AssertionError("no state diagram titled **" + title + "** in " + DOC);
    }
    Set<String> states = new TreeSet<>();
    for (int i = at + 1; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
      String transition = lines.get(i).split(":", 2)[0];
      for (String side : transition.split("-->")) {
        String state = side.strip();
        if (!state.isEmpty() && !state.equals("[*]")) {
          states.add(state);
        }
      }
    }
    return states;
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
