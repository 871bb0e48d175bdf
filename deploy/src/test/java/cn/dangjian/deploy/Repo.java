package cn.dangjian.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root (the tests run in deploy/). */
final class Repo {

  private Repo() {}

  static Path root() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("docker-compose.yml"))
          && Files.isDirectory(p.resolve("k8s"))) {
        return p;
      }
    }
    throw new IllegalStateException("repository root not found above " + here);
  }
}
