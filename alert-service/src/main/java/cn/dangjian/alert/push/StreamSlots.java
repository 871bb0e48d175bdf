package cn.dangjian.alert.push;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** At most {@code max} concurrent streams per caller; a slot is taken and given back atomically. */
public final class StreamSlots {

  private final int max;
  private final Map<String, Integer> held = new ConcurrentHashMap<>();

  public StreamSlots(int max) {
    this.max = max;
  }

  public boolean acquire(String caller) {
    boolean[] granted = {false};
    held.compute(
        caller,
        (k, n) -> {
          int count = n == null ? 0 : n;
          if (count >= max) {
            return n;
          }
          granted[0] = true;
          return count + 1;
        });
    return granted[0];
  }

  public void release(String caller) {
    held.computeIfPresent(caller, (k, n) -> n <= 1 ? null : n - 1);
  }

  public int held(String caller) {
    return held.getOrDefault(caller, 0);
  }
}
