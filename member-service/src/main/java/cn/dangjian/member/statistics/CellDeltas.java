package cn.dangjian.member.statistics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The figure changes of one batch of events, netted: a member moving between two branches of one
 * county changes nothing at the county and above, so nothing is written there.
 */
final class CellDeltas {

  record Key(UUID orgId, String dim, String val, int month) {}

  private final Map<Key, Long> deltas = new HashMap<>();

  /** A state replaced by another on a day: out of the old path's orgs, into the new path's. */
  void transition(
      String oldPath, List<Cell> oldCells, String newPath, List<Cell> newCells, LocalDate on) {
    add(oldPath, oldCells, on, -1);
    add(newPath, newCells, on, +1);
  }

  /** Counts each cell at every org of the path. */
  void add(String path, List<Cell> cells, LocalDate on, long amount) {
    int month = StatRules.month(on);
    for (UUID org : StatRules.ancestors(path)) {
      for (Cell cell : cells) {
        add(new Key(org, cell.dim(), cell.val(), month), amount);
      }
    }
  }

  /** Counts at the given orgs only (flows that concern part of a path, e.g. a transfer). */
  void addAt(List<UUID> orgs, Cell cell, LocalDate on, long amount) {
    int month = StatRules.month(on);
    for (UUID org : orgs) {
      add(new Key(org, cell.dim(), cell.val(), month), amount);
    }
  }

  private void add(Key key, long amount) {
    deltas.merge(key, amount, Long::sum);
  }

  /** The non-zero changes. */
  Map<Key, Long> netted() {
    Map<Key, Long> out = new HashMap<>();
    deltas.forEach(
        (k, v) -> {
          if (v != 0) {
            out.put(k, v);
          }
        });
    return out;
  }

  void clear() {
    deltas.clear();
  }
}
