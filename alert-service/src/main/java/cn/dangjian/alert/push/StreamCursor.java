package cn.dangjian.alert.push;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Where an instance's log reader stands. Ids are taken at insert but become visible at commit, so a
 * long transaction (a sweep) commits lower ids after higher ones were read: the skipped ids are
 * kept as gaps and looked for again until they show up or {@code patienceMillis} passes (a rolled
 * back insert leaves a gap that never fills). Not thread-safe: one reader.
 */
final class StreamCursor {

  /** Gaps wider than this are not tracked id by id (a restart, a purge): they are skipped. */
  static final long MAX_GAP = 100_000;

  private static final int MAX_RANGES = 50;

  private static final class Gap {
    long from;
    long to;
    final long giveUpAt;

    Gap(long from, long to, long giveUpAt) {
      this.from = from;
      this.to = to;
      this.giveUpAt = giveUpAt;
    }
  }

  private final long patienceMillis;
  private final List<Gap> gaps = new ArrayList<>();
  private long high;

  StreamCursor(long high, long patienceMillis) {
    this.high = high;
    this.patienceMillis = patienceMillis;
  }

  long high() {
    return high;
  }

  /** The ranges still missing, after dropping those waited for long enough. */
  List<StreamEventStore.Range> missing(long nowMillis) {
    gaps.removeIf(g -> g.giveUpAt <= nowMillis);
    return gaps.stream().map(g -> new StreamEventStore.Range(g.from, g.to)).toList();
  }

  /** Whether {@code seq} is new (not yet delivered); records the ids it skipped as gaps. */
  boolean accept(long seq, long nowMillis) {
    if (seq > high) {
      if (seq - high > 1 && seq - high <= MAX_GAP && gaps.size() < MAX_RANGES) {
        gaps.add(new Gap(high + 1, seq - 1, nowMillis + patienceMillis));
      }
      high = seq;
      return true;
    }
    for (Iterator<Gap> it = gaps.iterator(); it.hasNext(); ) {
      Gap gap = it.next();
      if (seq < gap.from || seq > gap.to) {
        continue;
      }
      if (gap.from == gap.to) {
        it.remove();
      } else if (seq == gap.from) {
        gap.from++;
      } else if (seq == gap.to) {
        gap.to--;
      } else {
        gaps.add(new Gap(seq + 1, gap.to, gap.giveUpAt));
        gap.to = seq - 1;
      }
      return true;
    }
    return false;
  }

  /** Whether {@code seq} is at or below the high mark and not missing: already delivered. */
  boolean delivered(long seq) {
    if (seq > high) {
      return false;
    }
    for (Gap gap : gaps) {
      if (seq >= gap.from && seq <= gap.to) {
        return false;
      }
    }
    return true;
  }
}
