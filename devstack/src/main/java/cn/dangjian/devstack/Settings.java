package cn.dangjian.devstack;

import java.util.Optional;
import java.util.function.Function;

/**
 * Reads one override: system property {@code dangjian.<key>} wins over environment variable {@code
 * DANGJIAN_<KEY>} (upper case, '.' and '-' become '_'), e.g. key {@code keycloak.port} is {@code
 * -Ddangjian.keycloak.port} or {@code DANGJIAN_KEYCLOAK_PORT}.
 */
final class Settings {

  private final Function<String, String> systemProperties;
  private final Function<String, String> environment;

  Settings(Function<String, String> systemProperties, Function<String, String> environment) {
    this.systemProperties = systemProperties;
    this.environment = environment;
  }

  static Settings system() {
    return new Settings(System::getProperty, System::getenv);
  }

  static String propertyName(String key) {
    return "dangjian." + key;
  }

  static String envName(String key) {
    return "DANGJIAN_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** "set DANGJIAN_X or -Ddangjian.x" — for error messages. */
  static String howToSet(String key) {
    return "set " + envName(key) + " or -D" + propertyName(key);
  }

  Optional<String> get(String key) {
    String value = systemProperties.apply(propertyName(key));
    if (value == null) {
      value = environment.apply(envName(key));
    }
    return Optional.ofNullable(value);
  }

  String get(String key, String defaultValue) {
    return get(key).orElse(defaultValue);
  }

  int getInt(String key, int defaultValue) {
    Optional<String> value = get(key).map(String::trim).filter(v -> !v.isEmpty());
    if (value.isEmpty()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.get());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          envName(key)
              + " / -D"
              + propertyName(key)
              + " must be a number, got '"
              + value.get()
              + "'");
    }
  }
}
