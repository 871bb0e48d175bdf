package cn.dangjian.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Keycloak distribution ({@code keycloak-quarkus-dist} zip, copied by the devstack build to
 * {@code devstack/target/keycloak/} or taken from {@code ~/.m2}), unzipped once into {@link
 * DevstackConfig#keycloakCacheDir()} so that {@code mvn clean} does not force a re-unzip and
 * Quarkus' one-time re-augmentation is kept there too.
 */
final class KeycloakDistribution {

  private static final String COMPLETE_MARKER = ".devstack-unzipped";

  private final DevstackConfig config;

  KeycloakDistribution(DevstackConfig config) {
    this.config = config;
  }

  /** Unzips the distribution into the cache directory once; returns the Keycloak home there. */
  Path home() throws IOException {
    Path home = config.keycloakCacheDir();
    if (Files.isRegularFile(home.resolve(COMPLETE_MARKER))) {
      return home;
    }
    Path zip = findZip();
    System.out.println("[devstack] unzipping " + zip.getFileName() + " into " + home + " (once)");
    Path tmp = home.resolveSibling(home.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    Processes.deleteTree(tmp);
    unzipStrippingTopDirectory(zip, tmp);
    Files.writeString(tmp.resolve(COMPLETE_MARKER), zip + "\n", StandardCharsets.UTF_8);
    Processes.deleteTree(home); // a partial earlier attempt
    Files.move(tmp, home, StandardCopyOption.ATOMIC_MOVE);
    return home;
  }

  private Path findZip() {
    String version = config.keycloakVersion();
    String name = "keycloak-quarkus-dist-" + version + ".zip";
    List<Path> candidates = new ArrayList<>();
    BuildInfo.load().keycloakDistZip().ifPresent(candidates::add);
    candidates.add(config.repoRoot().resolve("devstack/target/keycloak").resolve(name));
    String localRepo = System.getProperty("maven.repo.local");
    Path m2 =
        localRepo != null
            ? Path.of(localRepo)
            : Path.of(System.getProperty("user.home"), ".m2", "repository");
    candidates.add(m2.resolve("org/keycloak/keycloak-quarkus-dist").resolve(version).resolve(name));
    return candidates.stream()
        .filter(Files::isRegularFile)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Keycloak distribution "
                        + name
                        + " not found (looked at "
                        + candidates
                        + "). Build devstack first: ./mvnw -B -pl devstack package -DskipTests"
                        + " (it copies org.keycloak:keycloak-quarkus-dist:"
                        + version
                        + ":zip from Maven Central)."));
  }

  static void unzipStrippingTopDirectory(Path zip, Path target) throws IOException {
    Files.createDirectories(target);
    Path normalizedTarget = target.toAbsolutePath().normalize();
    try (ZipFile zipFile = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> entries = zipFile.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        int slash = name.indexOf('/');
        if (slash < 0 || slash == name.length() - 1) {
          continue; // the top directory itself
        }
        Path out = normalizedTarget.resolve(name.substring(slash + 1)).normalize();
        if (!out.startsWith(normalizedTarget)) {
          throw new IOException("Zip entry outside the target directory: " + name);
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
          continue;
        }
        Files.createDirectories(out.getParent());
        try (InputStream in = zipFile.getInputStream(entry)) {
          Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
        if (name.endsWith(".sh")) {
          out.toFile().setExecutable(true, false);
        }
      }
    }
  }
}
