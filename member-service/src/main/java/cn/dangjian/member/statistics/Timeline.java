package cn.dangjian.member.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One subject's states in a batch: the open period as stored, then the periods the batch adds. A
 * change dated before the latest period is clamped to it (late records do not rewrite history the
 * figures were already read from); a change on the same day replaces that day's period.
 */
final class Timeline<S> {

  private final @Nullable S stored;
  private final List<S> added = new ArrayList<>();
  private final Function<S, LocalDate> validFrom;
  private final BiFunction<S, LocalDate, S> at;
  private final BiPredicate<S, S> sameFacts;

  Timeline(
      @Nullable S stored,
      Function<S, LocalDate> validFrom,
      BiFunction<S, LocalDate, S> at,
      BiPredicate<S, S> sameFacts) {
    this.stored = stored;
    this.validFrom = validFrom;
    this.at = at;
    this.sameFacts = sameFacts;
  }

  @Nullable S current() {
    return added.isEmpty() ? stored : added.get(added.size() - 1);
  }

  @Nullable S stored() {
    return stored;
  }

  List<S> added() {
    return added;
  }

  /**
   * Records the next state from a day on.
   *
   * @return the state as recorded (its day clamped), or null when nothing changed
   */
  @Nullable S change(S next, LocalDate on) {
    S now = current();
    LocalDate day = on;
    if (now != null && day.isBefore(validFrom.apply(now))) {
      day = validFrom.apply(now);
    }
    S dated = at.apply(next, day);
    if (now != null && sameFacts.test(now, dated)) {
      return null;
    }
    if (!added.isEmpty() && validFrom.apply(now).equals(day)) {
      added.set(added.size() - 1, dated);
    } else {
      added.add(dated);
    }
    return dated;
  }
}
