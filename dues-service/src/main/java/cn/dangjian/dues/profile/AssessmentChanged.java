package cn.dangjian.dues.profile;

import java.time.YearMonth;
import java.util.UUID;

/**
 * A member's assessment changed from {@code from} on (a new or changed profile, a hardship
 * decision). Sent in the changing transaction to synchronous listeners: the unpaid bills are
 * re-priced with it, or the change rolls back with them.
 */
public record AssessmentChanged(UUID memberId, YearMonth from) {}
