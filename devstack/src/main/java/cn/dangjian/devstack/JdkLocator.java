package cn.dangjian.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a JDK that can run Keycloak (21 or newer). The project itself stays on Java 17.
 *
 * <p>Order: {@code DANGJIAN_KEYCLOAK_JAVA_HOME} (must be 21+), {@code JAVA_HOME} if 21+, the JVM
 * running devstack if 21+, then the newest 21+ JDK under {@code /usr/lib/jvm} and {@code
 * /Library/Java/JavaVirtualMachines/*}{@code /Contents/Home}, judged by their {@code release} file.
 */
public final class JdkLocator {

  public static final int MINIMUM_VERSION = 21;
  public static final String ENV_KEYCLOAK_JAVA_HOME = "DANGJIAN_KEYCLOAK_JAVA_HOME";

  static final String INSTALL_HINT =
      "Keycloak needs JDK 21 or newer: install Temurin 21+ (Debian/Ubuntu: apt-get install"
          + " temurin-21-jdk from the Adoptium apt repository, or openjdk-21-jdk; macOS: brew"
          + " install --cask temurin@21) or set "
          + ENV_KEYCLOAK_JAVA_HOME
          + " to the home of a JDK 21+.";

  private static final Pattern JAVA_VERSION = Pattern.compile("^\"?(\\d+)(?:\\.(\\d+))?");

  private final Map<String, String> env;
  private final Optional<Path> currentJavaHome;
  private final List<Path> searchRoots;

  /**
   * @param env environment variables (only the two JAVA_HOME variables are read)
   * @param currentJavaHome the home of the running JVM, if it should be considered
   * @param searchRoots directories whose sub-directories are JDK homes (macOS bundles: {@code
   *     <dir>/Contents/Home} is checked too)
   */
  public JdkLocator(
      Map<String, String> env, Optional<Path> currentJavaHome, List<Path> searchRoots) {
    this.env = Map.copyOf(env);
    this.currentJavaHome = currentJavaHome;
    this.searchRoots = List.copyOf(searchRoots);
  }

  public static JdkLocator system() {
    return new JdkLocator(
        System.getenv(),
        Optional.of(Path.of(System.getProperty("java.home"))),
        List.of(Path.of("/usr/lib/jvm"), Path.of("/Library/Java/JavaVirtualMachines")));
  }

  /** Thrown when no suitable JDK exists; the message says what to install. */
  public static final class JdkNotFoundException extends IllegalStateException {
    JdkNotFoundException(String message) {
      super(message);
    }
  }

  /** The home directory of a JDK 21+ (contains {@code bin/java}). */
  public Path locate() {
    List<String> checked = new ArrayList<>();
    String explicit = env.get(ENV_KEYCLOAK_JAVA_HOME);
    if (explicit != null && !explicit.isBlank()) {
      Path home = Path.of(explicit.trim());
      OptionalInt version = featureVersion(home);
      if (version.isPresent() && version.getAsInt() >= MINIMUM_VERSION && hasJava(home)) {
        return home;
      }
      throw new JdkNotFoundException(
          ENV_KEYCLOAK_JAVA_HOME
              + "="
              + explicit
              + " is not a JDK "
              + MINIMUM_VERSION
              + "+ ("
              + describe(home, version)
              + "). "
              + INSTALL_HINT);
    }
    checked.add(ENV_KEYCLOAK_JAVA_HOME + " (not set)");

    String javaHome = env.get("JAVA_HOME");
    if (javaHome != null && !javaHome.isBlank()) {
      Path home = Path.of(javaHome.trim());
      if (suitable(home)) {
        return home;
      }
      checked.add("JAVA_HOME=" + javaHome + " (" + describe(home, featureVersion(home)) + ")");
    }
    if (currentJavaHome.isPresent()) {
      Path home = currentJavaHome.get();
      if (suitable(home)) {
        return home;
      }
      checked.add("the running JVM " + home + " (" + describe(home, featureVersion(home)) + ")");
    }
    Optional<Path> found =
        candidates().stream()
            .filter(this::suitable)
            .max(Comparator.comparingInt(home -> featureVersion(home).orElse(0)));
    if (found.isPresent()) {
      return found.get();
    }
    searchRoots.forEach(root -> checked.add(root + "/*"));
    throw new JdkNotFoundException(
        "No JDK "
            + MINIMUM_VERSION
            + "+ found (checked "
            + String.join(", ", checked)
            + "). "
            + INSTALL_HINT);
  }

  private List<Path> candidates() {
    List<Path> result = new ArrayList<>();
    for (Path root : searchRoots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> children = Files.list(root)) {
        children
            .sorted()
            .forEach(
                child -> {
                  result.add(child);
                  result.add(child.resolve("Contents").resolve("Home"));
                });
      } catch (IOException e) {
        // unreadable directory: skip it
      }
    }
    return result;
  }

  private boolean suitable(Path home) {
    OptionalInt version = featureVersion(home);
    return version.isPresent() && version.getAsInt() >= MINIMUM_VERSION && hasJava(home);
  }

  private static boolean hasJava(Path home) {
    return Files.isRegularFile(home.resolve("bin").resolve("java"))
        || Files.isRegularFile(home.resolve("bin").resolve("java.exe"));
  }

  private static String describe(Path home, OptionalInt version) {
    if (version.isEmpty()) {
      return "no readable release file";
    }
    return "Java " + version.getAsInt() + (hasJava(home) ? "" : ", no bin/java");
  }

  /**
   * The feature version (17, 21, 25, ...) read from {@code <home>/release}'s {@code JAVA_VERSION};
   * {@code "1.8.0_392"} counts as 8.
   */
  public static OptionalInt featureVersion(Path javaHome) {
    Path release = javaHome.resolve("release");
    if (!Files.isRegularFile(release)) {
      return OptionalInt.empty();
    }
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(release)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      return OptionalInt.empty();
    }
    String value = properties.getProperty("JAVA_VERSION");
    if (value == null) {
      return OptionalInt.empty();
    }
    Matcher matcher = JAVA_VERSION.matcher(value.trim());
    if (!matcher.find()) {
      return OptionalInt.empty();
    }
    int major = Integer.parseInt(matcher.group(1));
    if (major == 1 && matcher.group(2) != null) {
      major = Integer.parseInt(matcher.group(2));
    }
    return OptionalInt.of(major);
  }
}
