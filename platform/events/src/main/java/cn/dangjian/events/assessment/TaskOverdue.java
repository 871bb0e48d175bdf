package cn.dangjian.events.assessment;

import cn.dangjian.events.Subject;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code assessment.task-overdue} v1: a task of a responsibility list (任务清单) passed its deadline
 * unfinished (sent once per task). Subject: the task; orgId is the org whose list it is.
 *
 * @param ownerOrgId the org responsible, if an org
 * @param ownerMemberId the person responsible, if a person (id only)
 * @param progress percent done when found overdue
 * @param asOf the day the check ran for
 */
@Subject(value = "taskId", kind = "task")
public record TaskOverdue(
    UUID taskId,
    UUID goalId,
    UUID orgId,
    @Nullable UUID ownerOrgId,
    @Nullable UUID ownerMemberId,
    String title,
    LocalDate deadline,
    int progress,
    LocalDate asOf) {}
