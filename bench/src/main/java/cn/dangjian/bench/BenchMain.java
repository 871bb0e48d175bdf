package cn.dangjian.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The entry every benchmark program shares: {@code --key=value} options, exit 1 on failure. */
public final class BenchMain {

  /** One benchmark run with its options. */
  public interface Bench {
    void run(Map<String, String> options) throws Exception;
  }

  private BenchMain() {}

  /** {@code --key=value} arguments in their order; anything else is ignored. */
  public static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      if (arg.startsWith("--") && arg.contains("=")) {
        options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
      }
    }
    return options;
  }

  /** The options under {@code prefix} (e.g. {@code set.}), with the prefix taken off. */
  public static Map<String, String> under(Map<String, String> options, String prefix) {
    Map<String, String> selected = new LinkedHashMap<>();
    options.forEach(
        (key, value) -> {
          if (key.startsWith(prefix)) {
            selected.put(key.substring(prefix.length()), value);
          }
        });
    return selected;
  }

  /**
   * Runs the benchmark and exits: 0, or 1 with the failure on stderr (the services it started are
   * stopped by their shutdown hooks either way).
   */
  public static void run(String[] args, Bench bench) {
    int code = 0;
    try {
      bench.run(options(args));
    } catch (Exception e) {
      System.err.println("\nBENCHMARK FAILED: " + e);
      e.printStackTrace();
      code = 1;
    }
    System.exit(code);
  }
}
