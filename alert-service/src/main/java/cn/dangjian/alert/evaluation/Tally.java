package cn.dangjian.alert.evaluation;

import cn.dangjian.alert.handling.AlertEngine.Change;

/** What an evaluation did, summed over subjects (for sweep reports). */
public final class Tally {

  private int raised;
  private int changed;
  private int resolved;

  public void add(Change change) {
    switch (change) {
      case RAISED -> raised++;
      case SEVERITY_CHANGED, UPDATED -> changed++;
      case RESOLVED -> resolved++;
      case NONE -> {}
    }
  }

  public void add(Tally other) {
    raised += other.raised;
    changed += other.changed;
    resolved += other.resolved;
  }

  public int raised() {
    return raised;
  }

  public int changed() {
    return changed;
  }

  public int resolved() {
    return resolved;
  }
}
