package cn.dangjian.platform.jobs;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A long operation as users follow it: {@code GET} it until {@code status} is an end. */
@Schema(
    name = "Job",
    description =
        "后台任务 (a long operation run in the background): 排队 QUEUED → 执行中 RUNNING → 成功 SUCCEEDED /"
            + " 失败 FAILED / 已取消 CANCELLED。轮询本资源或在预警推送流中接收 job 事件。")
public record JobView(
    @Schema(description = "任务ID (job id)") UUID id,
    @Schema(description = "任务地址，GET 查询、DELETE 取消 (the job resource)") String href,
    @Schema(description = "任务类型 (kind), e.g. bill-run, alert-sweep, cycle-compute, alert-export")
        String kind,
    @Schema(description = "状态 (status)") JobStatus status,
    @Schema(description = "进度 (progress)") Progress progress,
    @Schema(description = "发起人 (who started it)") String createdBy,
    @Schema(description = "创建时间 (queued at)") LocalDateTime createdAt,
    @Schema(description = "开始执行时间 (started at)") @Nullable LocalDateTime startedAt,
    @Schema(description = "结束时间 (finished at)") @Nullable LocalDateTime finishedAt,
    @Schema(description = "执行次数：服务重启后可续跑的任务会大于1 (runs, > 1 after a resume)") int attempts,
    @Schema(description = "现在能否取消 (whether DELETE cancels it now)") boolean cancellable,
    @Schema(description = "结果：各类型的结果对象，见发起该任务的接口说明 (the kind's result object)")
        @Nullable Map<String, Object> result,
    @Schema(description = "生成的文件 (the generated file, for exports)") @Nullable JobFile file,
    @Schema(description = "失败原因 (why it failed)") @Nullable JobProblem problem) {

  /**
   * @param done items done so far
   * @param total items in all, null while unknown
   * @param unit what is counted
   */
  @Schema(name = "JobCounts", description = "进度：已完成、总数、单位 (progress counts)")
  public record Progress(
      @Schema(description = "已完成 (done)") long done,
      @Schema(description = "总数，未知时为空 (total, null while unknown)") @Nullable Long total,
      @Schema(description = "计数单位 (unit), e.g. members, orgs, rows, alerts") @Nullable String unit,
      @Schema(description = "百分比 0–100，总数未知时为空 (percent)") @Nullable Integer percent) {}

  @Schema(name = "JobFile", description = "任务生成的文件 (a generated file)")
  public record JobFile(
      @Schema(description = "文件名 (file name)") String name,
      @Schema(description = "媒体类型 (media type)") String mediaType,
      @Schema(description = "字节数 (size in bytes)") long sizeBytes,
      @Schema(description = "下载地址 (download link, same authorisation as the job)") String href,
      @Schema(description = "保留至，过期后删除 (kept until)") LocalDateTime expiresAt,
      @Schema(description = "是否已过期删除 (deleted after expiry)") boolean expired) {}

  @Schema(name = "JobProblem", description = "任务失败的原因 (RFC 9457 problem of a failed job)")
  public record JobProblem(
      @Schema(description = "问题类型 (problem type URI)") String type,
      @Schema(description = "标题 (title)") String title,
      @Schema(description = "对应的HTTP状态 (the status a synchronous call would have answered)")
          int status,
      @Schema(description = "说明 (detail)") String detail,
      @Schema(description = "违反的业务规则 (the rule broken)") @Nullable String rule,
      @Schema(description = "追踪ID (trace id)") @Nullable String traceId) {}
}
