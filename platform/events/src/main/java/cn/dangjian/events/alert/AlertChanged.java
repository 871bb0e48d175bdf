package cn.dangjian.events.alert;

import cn.dangjian.events.OneOf;
import cn.dangjian.events.Subject;
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
@Subject(value = "alertId", kind = "alert")
public record AlertChanged(
    UUID alertId,
    String ruleId,
    @OneOf(AlertSubjectType.class) String subjectType,
    UUID subjectId,
    UUID orgId,
    @OneOf(AlertSeverity.class) String severity,
    @OneOf(AlertStatus.class) String status,
    @OneOf(AlertChange.class) String change,
    String title,
    LocalDate deadline,
    UUID assigneeOrgId,
    int escalationLevel) {}
