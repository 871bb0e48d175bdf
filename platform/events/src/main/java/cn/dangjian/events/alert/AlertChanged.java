package cn.dangjian.events.alert;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code alert.raised}, {@code alert.changed} and {@code alert.resolved} v1: an early warning was
 * raised, moved on (severity, rectification step, escalation, closure) or cleared by itself. Ids
 * and the Chinese title only, never personal data. Subject: the alert.
 *
 * @param subjectType MEMBER or ORG
 * @param severity NOTICE (提示), WARNING (预警) or SERIOUS (严重)
 * @param status OPEN, ACKNOWLEDGED, RECTIFYING, SUBMITTED, CLOSED, RESOLVED or DISMISSED
 * @param change RAISED, SEVERITY_CHANGED, ACKNOWLEDGED, RECTIFYING, SUBMITTED, ACCEPTED, REJECTED,
 *     ESCALATED, DISMISSED or RESOLVED
 * @param assigneeOrgId the org that has to act (the superior once escalated)
 */
public record AlertChanged(
    UUID alertId,
    String ruleId,
    String subjectType,
    UUID subjectId,
    UUID orgId,
    String severity,
    String status,
    String change,
    String title,
    LocalDate deadline,
    UUID assigneeOrgId,
    int escalationLevel) {}
