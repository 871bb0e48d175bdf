package cn.dangjian.assessment.responsibility;

import cn.dangjian.assessment.Access;
import cn.dangjian.assessment.AssessmentProperties;
import cn.dangjian.assessment.responsibility.ResponsibilityStore.GoalOrg;
import cn.dangjian.assessment.responsibility.ResponsibilityStore.Located;
import cn.dangjian.assessment.responsibility.ResponsibilityViews.Goal;
import cn.dangjian.assessment.responsibility.ResponsibilityViews.Lists;
import cn.dangjian.assessment.responsibility.ResponsibilityViews.Task;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.assessment.TaskOverdue;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedOrg;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 目标清单 / 任务清单 / 责任清单: goals of the three-year plan, tasks with an owner (an org or a person) and a
 * deadline, progress reports; an unfinished task past its deadline is announced once as {@code
 * assessment.task-overdue}, and the share done on time feeds an indicator.
 */
@Service
public class ResponsibilityService {

  public static final String OPEN = "OPEN";
  public static final String DONE = "DONE";

  private final ResponsibilityStore store;
  private final Access access;
  private final MemberProjection projection;
  private final DomainEventPublisher events;
  private final AssessmentProperties properties;
  private final Clock clock;

  ResponsibilityService(
      ResponsibilityStore store,
      Access access,
      MemberProjection projection,
      DomainEventPublisher events,
      AssessmentProperties properties,
      Clock clock) {
    this.store = store;
    this.access = access;
    this.projection = projection;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional
  public Goal createGoal(UUID orgId, String title, String description, int from, int to) {
    ProjectedOrg org = access.orgInScope(orgId);
    if (to < from || to - from > 4) {
      throw ProblemException.businessRule("goal-years", "responsibility.rule.goal-years");
    }
    UUID id = UuidV7.next();
    store.insertGoal(
        new Goal(id, org.orgId(), title, description, from, to),
        org.path(),
        access.username(),
        clock.instant());
    return new Goal(id, orgId, title, description, from, to);
  }

  /** A task under a goal, owned by an org of the goal's subtree or by one of its members. */
  @Transactional
  public Task createTask(
      UUID goalId,
      String title,
      String responsibility,
      UUID ownerOrgId,
      UUID ownerMemberId,
      String ownerName,
      LocalDate deadline) {
    GoalOrg goal = goal(goalId);
    if ((ownerOrgId == null) == (ownerMemberId == null)) {
      throw ProblemException.businessRule("task-one-owner", "responsibility.rule.one-owner");
    }
    if (ownerOrgId != null) {
      ProjectedOrg owner = access.orgInScope(ownerOrgId);
      if (!owner.path().startsWith(goal.path())) {
        throw ProblemException.businessRule(
            "owner-under-goal-org", "responsibility.rule.owner-under-goal");
      }
    } else {
      UUID member = ownerMemberId;
      projection
          .member(member)
          .filter(x -> x.orgPath().startsWith(goal.path()))
          .orElseThrow(() -> ProblemException.notFound("member.not-found", member));
    }
    UUID id = UuidV7.next();
    Task task =
        new Task(
            id,
            goalId,
            goal.orgId(),
            title,
            responsibility,
            ownerOrgId,
            ownerMemberId,
            ownerName,
            deadline,
            0,
            OPEN,
            null,
            false,
            0L);
    store.insertTask(task, goal.path(), access.username(), clock.instant());
    return task(id);
  }

  /** A progress report; 100 % completes the task (on the day reported). */
  @Transactional
  public Task progress(UUID taskId, long expected, int progress, String note) {
    task(taskId);
    store.lockTask(taskId);
    Task t = task(taskId);
    if (t.version() != expected) {
      throw ProblemException.preconditionFailed();
    }
    if (DONE.equals(t.status())) {
      throw ProblemException.businessRule("task-done", "responsibility.rule.task-done");
    }
    if (progress < t.progress()) {
      throw ProblemException.businessRule(
          "progress-not-backwards", "responsibility.rule.progress-backwards", t.progress());
    }
    boolean done = progress >= 100;
    store.updateProgress(
        taskId, Math.min(100, progress), done ? DONE : OPEN, done ? today() : null);
    store.insertProgress(taskId, progress, note, access.username(), clock.instant());
    return task(taskId);
  }

  /** A task in the caller's scope; 404 otherwise. */
  @Transactional(readOnly = true)
  public Task task(UUID id) {
    return store
        .task(id, today())
        .filter(t -> access.scope().coversPath(t.orgPath()))
        .map(Located::task)
        .orElseThrow(() -> ProblemException.notFound("task.not-found", id));
  }

  /** The three lists of an org: its goals, their tasks, and the tasks grouped by owner. */
  @Transactional(readOnly = true)
  public Lists lists(UUID orgId) {
    ProjectedOrg org = access.orgInScope(orgId);
    List<Goal> goals = store.goals(org.orgId());
    List<Task> tasks = store.tasks(org.orgId(), today());
    Map<String, List<Task>> byOwner = new LinkedHashMap<>();
    for (Task t : tasks) {
      byOwner.computeIfAbsent(t.ownerName(), k -> new ArrayList<>()).add(t);
    }
    return new Lists(org.orgId(), goals, tasks, byOwner);
  }

  /**
   * Announces every unfinished task whose deadline passed before {@code asOf} and that was not
   * announced yet; returns how many.
   */
  @Transactional
  public int overdueCheck(LocalDate asOf) {
    List<Located> overdue = store.overdueUnannounced(asOf, today());
    for (Located located : overdue) {
      Task t = located.task();
      store.markAnnounced(t.id(), asOf);
      events.publish(
          EventTypes.ASSESSMENT_TASK_OVERDUE,
          t.id().toString(),
          located.orgPath(),
          new TaskOverdue(
              t.id(),
              t.goalId(),
              t.orgId(),
              t.ownerOrgId(),
              t.ownerMemberId(),
              t.title(),
              t.deadline(),
              t.progress(),
              asOf));
    }
    return overdue.size();
  }

  private GoalOrg goal(UUID goalId) {
    return store
        .goalOrg(goalId)
        .filter(g -> access.scope().coversPath(g.path()))
        .orElseThrow(() -> ProblemException.notFound("goal.not-found", goalId));
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(properties.zone()));
  }
}
