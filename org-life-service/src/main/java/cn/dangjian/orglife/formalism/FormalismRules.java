package cn.dangjian.orglife.formalism;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The anti-formalism checks as plain functions (thresholds from configuration). */
public final class FormalismRules {

  /** Below this roster size a run of full attendance is ordinary (a 3-person committee). */
  public static final int MIN_ROSTER_FOR_IDENTICAL_ATTENDANCE = 5;

  private FormalismRules() {}

  /** An earlier record's signature. */
  public record Candidate(UUID meetingId, UUID orgId, java.time.LocalDate heldOn, byte[] minhash) {}

  /** The best match at or above the threshold. */
  public record Match(Candidate candidate, double similarity) {}

  /** The most similar earlier record whose similarity reaches the threshold, if any. */
  public static Optional<Match> mostSimilar(
      byte[] signature, List<Candidate> earlier, double threshold) {
    Match best = null;
    for (Candidate c : earlier) {
      double s = MinHash.similarity(signature, c.minhash());
      if (s >= threshold && (best == null || s > best.similarity())) {
        best = new Match(c, s);
      }
    }
    return Optional.ofNullable(best);
  }

  /** One earlier meeting's attendance. */
  public record PastAttendance(UUID meetingId, int expected, int actual, Set<UUID> present) {}

  /**
   * Whether this meeting and the {@code run − 1} meetings before it (newest first) all had full
   * attendance with exactly the same people.
   */
  public static boolean identicalFullAttendance(
      int expected, Set<UUID> present, List<PastAttendance> previousNewestFirst, int run) {
    if (expected < MIN_ROSTER_FOR_IDENTICAL_ATTENDANCE
        || present.size() != expected
        || previousNewestFirst.size() < run - 1) {
      return false;
    }
    for (PastAttendance p : previousNewestFirst.subList(0, run - 1)) {
      if (p.actual() != p.expected() || !p.present().equals(present)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Days between the meeting's end (local time in {@code zone}) and the first entry of its record.
   */
  public static long daysLate(LocalDateTime endsAt, Instant firstRecordedAt, ZoneId zone) {
    return Duration.between(endsAt.atZone(zone).toInstant(), firstRecordedAt).toDays();
  }

  public static boolean lateEntry(
      LocalDateTime endsAt, Instant firstRecordedAt, ZoneId zone, int allowedDays) {
    return daysLate(endsAt, firstRecordedAt, zone) > allowedDays;
  }
}
