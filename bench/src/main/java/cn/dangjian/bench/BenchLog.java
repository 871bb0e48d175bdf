package cn.dangjian.bench;

import java.util.Locale;

/**
 * What a benchmark prints as it goes, kept as well so the whole report can be written to a results
 * file at the end. Formats with {@link Locale#ROOT} so numbers read the same on every machine.
 */
public final class BenchLog {

  private final StringBuilder text = new StringBuilder();

  public void line(String format, Object... args) {
    String line = String.format(Locale.ROOT, format, args);
    System.out.println(line);
    text.append(line).append('\n');
  }

  /** Everything printed so far, one line each. */
  @Override
  public String toString() {
    return text.toString();
  }
}
