package cn.dangjian.alert.rules;

import java.time.LocalDate;
import java.util.UUID;

/** An approval request waiting on the org that must decide it (member.approval-changed). */
public record PendingApproval(
    UUID approvalId,
    String kind,
    String decidingBody,
    String summary,
    LocalDate requestedOn,
    LocalDate dueOn) {}
