package cn.dangjian.member.statistics;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** One org's counts: per dimension, per value (absent values count 0). */
final class Figures {

  private final Map<Dimension, Map<String, Long>> counts = new EnumMap<>(Dimension.class);

  void add(Dimension dim, String value, long amount) {
    counts.computeIfAbsent(dim, d -> new LinkedHashMap<>()).merge(value, amount, Long::sum);
  }

  long get(Dimension dim, String value) {
    return counts.getOrDefault(dim, Map.of()).getOrDefault(value, 0L);
  }

  /** Values with a count, in the dimension's order, then any others (e.g. alert rules). */
  Map<String, Long> of(Dimension dim) {
    Map<String, Long> ordered = new LinkedHashMap<>();
    Map<String, Long> raw = counts.getOrDefault(dim, Map.of());
    for (String value : dim.codes()) {
      ordered.put(value, raw.getOrDefault(value, 0L));
    }
    raw.forEach(ordered::putIfAbsent);
    return ordered;
  }

  long sum(Dimension dim) {
    return counts.getOrDefault(dim, Map.of()).values().stream().mapToLong(Long::longValue).sum();
  }
}
