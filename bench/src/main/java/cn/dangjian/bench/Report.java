package cn.dangjian.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects the results and renders the plain-text summary and the Markdown fragment. */
final class Report {

  MachineInfo machine;
  Map<String, String> meta;
  boolean loadedNow;
  String filter;
  String serviceJvmOpts;
  String serviceJar;
  final List<LatencyStats> latency = new ArrayList<>();
  final List<String> sqlLines = new ArrayList<>();
  final List<String> sqlMarkdown = new ArrayList<>();
  final List<String> moveLines = new ArrayList<>();
  final List<String> moveMarkdown = new ArrayList<>();
  Double httpMoveWorstSeconds;
  double totalSeconds;

  String shapeLine() {
    return String.format(
        Locale.ROOT,
        "%,d orgs (%,d branches), %,d members; benchmark county %s: %,d orgs, %,d branches, %,d"
            + " members; moved subtree %s: %,d orgs, %,d branches, %,d members",
        num("orgs"),
        num("branches"),
        num("members"),
        meta.get("bench_county_name"),
        num("bench_county_orgs"),
        num("bench_county_branches"),
        num("bench_county_members"),
        meta.get("move_committee_name"),
        num("move_committee_orgs"),
        num("move_committee_branches"),
        num("move_committee_members"));
  }

  private long num(String key) {
    return Long.parseLong(meta.get(key));
  }

  private LatencyStats find(String prefix, int clients) {
    return latency.stream()
        .filter(s -> s.name().startsWith(prefix) && s.clients() == clients)
        .findFirst()
        .orElse(null);
  }

  String verdictList() {
    LatencyStats single = find("county members", 1);
    if (single == null) {
      return "county list: not measured";
    }
    return String.format(
        Locale.ROOT,
        "county list p99 %.1f ms single client (target < 50 ms): %s",
        single.p99(),
        single.p99() < 50 ? "MET" : "NOT MET");
  }

  String verdictMove() {
    if (httpMoveWorstSeconds == null) {
      return "subtree move over HTTP: not measured (see above)";
    }
    return String.format(
        Locale.ROOT,
        "subtree move worst %.2f s over HTTP (target < 2 s): %s",
        httpMoveWorstSeconds,
        httpMoveWorstSeconds < 2 ? "MET" : "NOT MET");
  }

  String text() {
    StringBuilder out = new StringBuilder();
    out.append("==== member-service at province scale — summary\n");
    out.append("machine: ").append(machine.describe()).append('\n');
    out.append("service JVM: ").append(serviceJvmOpts).append('\n');
    out.append("data: ").append(shapeLine()).append('\n');
    out.append("member.status: ").append(meta.get("status_filled")).append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "load: %s s total (orgs %s s, members %s s, ANALYZE %s s)%s%n",
            meta.get("load_total_seconds"),
            meta.get("load_orgs_seconds"),
            meta.get("load_members_seconds"),
            meta.get("load_analyze_seconds"),
            loadedNow ? "" : " — measured when loaded on " + meta.get("loaded_at")));
    out.append("latency (client side, loopback HTTP), filter ").append(filter).append(":\n");
    for (LatencyStats s : latency) {
      out.append("  ").append(s.line()).append('\n');
    }
    for (String line : sqlLines) {
      out.append(line).append('\n');
    }
    for (String line : moveLines) {
      out.append(line).append('\n');
    }
    out.append("verdict: ").append(verdictList()).append("; ").append(verdictMove()).append('\n');
    out.append(String.format(Locale.ROOT, "benchmark wall time %.0f s%n", totalSeconds));
    return out.toString();
  }

  String markdown(BenchSettings settings) {
    StringBuilder md = new StringBuilder();
    md.append("### Run of ").append(LocalDate.now()).append("\n\n");
    md.append("- Machine: ").append(machine.describe()).append('\n');
    md.append("- member-service JVM: `").append(serviceJvmOpts).append("`\n");
    md.append("- Data: ").append(shapeLine()).append('\n');
    md.append("- member.status: ").append(meta.get("status_filled")).append('\n');
    md.append(
        String.format(
            Locale.ROOT,
            "- Load: %s s (orgs %s s, members %s s, ANALYZE %s s)%n",
            meta.get("load_total_seconds"),
            meta.get("load_orgs_seconds"),
            meta.get("load_members_seconds"),
            meta.get("load_analyze_seconds")));
    md.append(
        String.format(
            Locale.ROOT,
            "- Requests: %d measured after %d warm-up per row, pages 0..%d of %d, filter `%s`%n%n",
            settings.requests(),
            settings.warmup(),
            settings.maxPage(),
            settings.pageSize(),
            filter));
    md.append(
        "| request | clients | n | p50 ms | p90 ms | p99 ms | max ms | req/s | disk reads/req |\n");
    md.append("|---|---|---|---|---|---|---|---|---|\n");
    for (LatencyStats s : latency) {
      md.append(s.markdownRow()).append('\n');
    }
    md.append('\n');
    for (String line : sqlMarkdown) {
      md.append(line).append('\n');
    }
    for (String line : moveMarkdown) {
      md.append(line).append('\n');
    }
    md.append("\nVerdict: ").append(verdictList()).append("; ").append(verdictMove()).append(".\n");
    return md.toString();
  }
}
