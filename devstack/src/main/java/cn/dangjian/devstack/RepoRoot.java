package cn.dangjian.devstack;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the repository root: the directory holding {@code
 * deploy/keycloak/demo/dangjian-realm.json}. Order: {@code DANGJIAN_REPO_ROOT} / {@code
 * -Ddangjian.repo.root}, the current directory and its parents, the root recorded at build time,
 * the location of devstack's own jar or classes.
 */
final class RepoRoot {

  static final Path REALM_FILE = Path.of("deploy", "keycloak", "demo", "dangjian-realm.json");

  private RepoRoot() {}

  static boolean isRepoRoot(Path dir) {
    return Files.isRegularFile(dir.resolve(REALM_FILE));
  }

  static Path detect(Settings settings, BuildInfo buildInfo) {
    Optional<String> explicit = settings.get("repo.root");
    if (explicit.isPresent()) {
      Path root = Path.of(explicit.get()).toAbsolutePath().normalize();
      if (!isRepoRoot(root)) {
        throw new IllegalStateException(
            Settings.envName("repo.root") + "=" + root + " does not contain " + REALM_FILE);
      }
      return root;
    }
    List<Path> starts = new ArrayList<>();
    starts.add(Path.of("").toAbsolutePath());
    buildInfo.repoRoot().ifPresent(starts::add);
    codeLocation().ifPresent(starts::add);
    for (Path start : starts) {
      for (Path dir = start.normalize(); dir != null; dir = dir.getParent()) {
        if (isRepoRoot(dir)) {
          return dir;
        }
      }
    }
    throw new IllegalStateException(
        "Cannot find the Dangjian repository root (a directory containing "
            + REALM_FILE
            + "). Run devstack from inside the repository or "
            + Settings.howToSet("repo.root")
            + ".");
  }

  private static Optional<Path> codeLocation() {
    try {
      var source = RepoRoot.class.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) {
        return Optional.empty();
      }
      return Optional.of(Path.of(source.getLocation().toURI()).toAbsolutePath());
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      return Optional.empty();
    }
  }
}
