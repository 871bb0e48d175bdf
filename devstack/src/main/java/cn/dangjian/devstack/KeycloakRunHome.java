package cn.dangjian.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One start's Keycloak home, {@code <workDir>/keycloak-<port>}: a copy of {@code bin/kc.sh}, links
 * to the cached {@code lib}, {@code conf}, {@code providers}, {@code themes}, and its own {@code
 * data/} (fresh H2 database, {@code data/import/} holding the realm), so runs never share state and
 * two instances on different ports can coexist.
 */
final class KeycloakRunHome {

  private static final List<String> LINKED = List.of("lib", "conf", "providers", "themes");

  private final Path workDir;
  private final Path dir;
  private final Path realmFile;

  KeycloakRunHome(Path workDir, int port, Path realmFile) {
    this.workDir = workDir;
    this.dir = workDir.resolve("keycloak-" + port);
    this.realmFile = realmFile;
  }

  Path dir() {
    return dir;
  }

  Path kcSh() {
    return dir.resolve("bin").resolve("kc.sh");
  }

  /** A fresh home sharing the cached distribution, with the realm to import. */
  void prepare(Path dist) throws IOException {
    Processes.deleteTree(dir);
    Files.createDirectories(dir.resolve("bin"));
    Path kcSh = kcSh();
    // a real copy: kc.sh derives the home directory from its own (symlink-resolved) location
    Files.copy(dist.resolve("bin").resolve("kc.sh"), kcSh);
    kcSh.toFile().setExecutable(true, false);
    for (String linked : LINKED) {
      Files.createSymbolicLink(dir.resolve(linked), dist.resolve(linked));
    }
    if (Files.isRegularFile(dist.resolve("version.txt"))) {
      Files.copy(dist.resolve("version.txt"), dir.resolve("version.txt"));
    }
    Path importDir = dir.resolve("data").resolve("import");
    Files.createDirectories(importDir);
    Path realm = realmFile;
    if (!Files.isRegularFile(realm)) {
      throw new IllegalStateException("Realm file not found: " + realm);
    }
    Files.copy(realm, importDir.resolve(realm.getFileName()));
  }

  /** The home (H2 database, import dir) is useless once Keycloak stopped; logs stay. */
  void delete() {
    try {
      Processes.deleteTree(dir);
      Files.deleteIfExists(workDir); // only if nothing else is in it
    } catch (IOException | UncheckedIOException e) {
      // best effort: it is wiped again at the next start
    }
  }
}
