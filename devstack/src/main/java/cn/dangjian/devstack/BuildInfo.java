package cn.dangjian.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Facts recorded at build time in {@code devstack-build.properties} (Maven resource filtering): the
 * Keycloak version, where the build copied the Keycloak distribution, and the repository root.
 */
public record BuildInfo(
    String keycloakVersion, Optional<Path> keycloakDistZip, Optional<Path> repoRoot) {

  static final String RESOURCE = "/devstack-build.properties";

  /**
   * The Keycloak version used when the build info is missing (running from an IDE without Maven).
   */
  static final String FALLBACK_KEYCLOAK_VERSION = "26.7.3";

  public static BuildInfo load() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
    return new BuildInfo(
        filtered(properties, "keycloak.version").orElse(FALLBACK_KEYCLOAK_VERSION),
        filtered(properties, "keycloak.dist.zip").map(Path::of),
        filtered(properties, "repo.root").map(Path::of));
  }

  private static Optional<String> filtered(Properties properties, String key) {
    String value = properties.getProperty(key);
    if (value == null || value.isBlank() || value.contains("@")) {
      return Optional.empty(); // missing or not filtered
    }
    return Optional.of(value.trim());
  }
}
