package cn.dangjian.alert.catalogue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Thresholds per severity: the value (months, days relative to a due date, count…) from which a
 * level applies. Written as in configuration, lowest level first: "3,5,6" or "-,1,3" (a dash: the
 * rule has no such level).
 */
public record Levels(Map<Severity, Integer> from) {

  public Levels {
    from = Map.copyOf(from);
  }

  public static Levels parse(String text) {
    String[] parts = text.split(",");
    if (parts.length != Severity.values().length) {
      throw new IllegalArgumentException("thresholds need one value per level (提示,预警,严重): " + text);
    }
    Map<Severity, Integer> map = new EnumMap<>(Severity.class);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i].strip();
      if (!part.equals("-")) {
        map.put(Severity.values()[i], Integer.parseInt(part));
      }
    }
    if (map.isEmpty()) {
      throw new IllegalArgumentException("a rule needs at least one level: " + text);
    }
    return new Levels(map);
  }

  /** The highest level whose threshold the value reaches, if any. */
  public Optional<Severity> levelOf(long value) {
    Severity reached = null;
    for (Severity severity : Severity.values()) {
      Integer threshold = from.get(severity);
      if (threshold != null && value >= threshold) {
        reached = severity;
      }
    }
    return Optional.ofNullable(reached);
  }

  /** The smallest threshold: below it the condition is clear. */
  public int lowest() {
    return from.values().stream().min(Integer::compare).orElseThrow();
  }

  public Optional<Integer> threshold(Severity severity) {
    return Optional.ofNullable(from.get(severity));
  }

  public String text() {
    List<String> parts = new ArrayList<>();
    for (Severity severity : Severity.values()) {
      Integer threshold = from.get(severity);
      parts.add(threshold == null ? "-" : threshold.toString());
    }
    return String.join(",", parts);
  }
}
