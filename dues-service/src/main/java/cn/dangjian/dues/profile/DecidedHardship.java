package cn.dangjian.dues.profile;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A hardship reduction or waiver the body above the branch approved (member-service's approval of
 * kind DUES_HARDSHIP, read from member.approval-changed).
 *
 * @param kind null when the event's terms could not be read
 * @param approvedBy the deciding body (the 党委's name, or the body when it is no org of the tree)
 * @param approvedOn the day of the decision
 */
public record DecidedHardship(
    UUID approvalId,
    UUID memberId,
    @Nullable Hardship kind,
    @Nullable Long reducedFen,
    @Nullable LocalDate until,
    String approvedBy,
    LocalDate approvedOn) {}
