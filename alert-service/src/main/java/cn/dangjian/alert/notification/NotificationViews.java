package cn.dangjian.alert.notification;

import cn.dangjian.alert.channels.ExternalChannel;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request and response records of the notification API. */
public final class NotificationViews {

  private NotificationViews() {}

  @Schema(description = "站内消息")
  public record NotificationView(
      UUID id,
      NotificationKind kind,
      String title,
      String body,
      @Nullable @Schema(description = "控制台或小程序页面路径") String link,
      boolean urgent,
      Instant createdAt,
      @Nullable Instant readAt) {}

  @Schema(description = "未读条数")
  public record UnreadCount(long unread) {}

  @Schema(description = "批量已读的条数")
  public record ReadAll(int updated) {}

  @Schema(description = "一个外部渠道的投递及其记录")
  public record DeliveryView(
      UUID id,
      ExternalChannel channel,
      @Schema(allowableValues = {"QUEUED", "DEFERRED", "SENT", "FAILED", "DEAD", "SKIPPED"})
          String status,
      int attempts,
      @Nullable Instant nextAttemptAt,
      @Nullable @Schema(description = "服务商返回码") String lastCode,
      @Nullable String lastDetail,
      @Nullable @Schema(description = "合并进的每日汇总投递") UUID digestId,
      Instant createdAt,
      @Nullable Instant sentAt) {}

  @Schema(description = "投递记录（每次尝试与状态变化；站内阅读记为 READ）")
  public record DeliveryLogEntry(
      @Nullable UUID deliveryId,
      @Nullable ExternalChannel channel,
      @Schema(
              allowableValues = {
                "QUEUED",
                "DEFERRED",
                "SENT",
                "RETRY",
                "FAILED",
                "DEAD",
                "SKIPPED",
                "MERGED",
                "READ"
              })
          String event,
      int attempt,
      @Nullable String providerCode,
      @Nullable String detail,
      Instant at) {}

  @Schema(description = "一条消息的投递情况")
  public record Deliveries(List<DeliveryView> deliveries, List<DeliveryLogEntry> log) {}

  @Schema(description = "某类消息的外部渠道设置（站内消息始终接收）")
  public record PreferenceView(
      NotificationKind kind,
      @Schema(description = "生效的外部渠道") Set<ExternalChannel> channels,
      @Schema(description = "默认渠道") Set<ExternalChannel> defaultChannels,
      @Schema(description = "通过退订链接关闭的渠道") Set<ExternalChannel> optedOut) {}

  @Schema(description = "设置某类消息的外部渠道（空集合：仅站内）")
  public record PreferenceChoice(
      @NotNull NotificationKind kind,
      @NotNull @Size(max = 3) Set<@NotNull ExternalChannel> channels) {}

  @Schema(description = "消息接收设置")
  public record PreferencesUpdate(
      @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid PreferenceChoice> preferences) {}

  @Schema(description = "退订结果")
  public record Unsubscribed(NotificationKind kind, ExternalChannel channel, String message) {}

  @Schema(description = "消息模板（当前生效版本；版本 0 为系统默认）")
  public record TemplateView(
      NotificationKind kind,
      int version,
      String title,
      String body,
      @Schema(description = "可用变量") List<String> variables,
      String createdBy,
      @Nullable Instant createdAt) {}

  @Schema(description = "新的模板版本；变量写作 ${name}")
  public record TemplateUpdate(
      @NotNull @Size(min = 1, max = 200) String title,
      @NotNull @Size(min = 1, max = 2000) String body) {}

  @Schema(description = "模板预览：不填的标题/正文用当前模板，不填的变量用示例值")
  public record PreviewRequest(
      @Nullable @Size(max = 200) String title,
      @Nullable @Size(max = 2000) String body,
      @Nullable @Size(max = 20) Map<String, @Size(max = 200) String> variables) {}

  @Schema(description = "渲染结果")
  public record Preview(String title, String body) {}
}
