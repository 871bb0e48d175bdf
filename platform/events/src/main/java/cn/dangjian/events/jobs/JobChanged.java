package cn.dangjian.events.jobs;

import cn.dangjian.events.OneOf;
import cn.dangjian.events.Subject;
import java.util.UUID;

/**
 * {@code member.job-changed}, {@code dues.job-changed}, {@code assessment.job-changed} and {@code
 * alert.job-changed} v1: a long operation (a job) started, made progress (at most once a second) or
 * ended. The alert stream pushes it to the user who started it. Subject: the job.
 *
 * @param kind e.g. bill-run, alert-sweep, alert-export
 * @param status QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED
 * @param total null while unknown
 * @param unit what is counted (members, orgs, rows…), null before the first progress
 * @param percent 0–100, null while the total is unknown
 * @param createdBy the account that started it (its stream gets the event)
 * @param href the job resource to read the result from
 */
@Subject(value = "jobId", kind = "job")
public record JobChanged(
    UUID jobId,
    String kind,
    @OneOf(JobStatus.class) String status,
    long done,
    Long total,
    String unit,
    Integer percent,
    String createdBy,
    String href) {}
