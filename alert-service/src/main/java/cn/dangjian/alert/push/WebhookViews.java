package cn.dangjian.alert.push;

import cn.dangjian.alert.catalogue.Severity;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The webhook API's request and answers, beside {@link WebhookController} (schema names unchanged:
 * CreateSubscription, Subscription, Delivery).
 */
public final class WebhookViews {

  private WebhookViews() {}

  public record CreateSubscription(
      @Schema(description = "订阅的组织（含下级）") @NotNull UUID orgId,
      @Schema(
              description = "接收地址：https，主机须解析为公网地址（不得为本机、内网、链路本地、组播地址）",
              example = "https://oa.example.cn/hooks/dangjian")
          @NotNull
          @Size(max = 500)
          @Pattern(regexp = "https?://\\S+", message = "{webhook.url}")
          String url,
      @Schema(description = "最低推送级别，默认 NOTICE") Severity minSeverity,
      @Schema(
              description =
                  "签名密钥（Standard Webhooks 格式：whsec_ 加 Base64 编码的 24–64 字节随机数）；不填则由系统生成并仅返回一次",
              example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
          @Pattern(regexp = WebhookSigner.SECRET_PATTERN, message = "{webhook.secret}")
          String secret) {}

  public record Subscription(
      UUID id,
      UUID orgId,
      String url,
      Severity minSeverity,
      @Schema(
              description = "状态：ACTIVE 启用 / DISABLED 连续失败后停用",
              allowableValues = {"ACTIVE", "DISABLED"})
          String status,
      int consecutiveFailures,
      Instant createdAt,
      @Schema(description = "签名密钥（whsec_…，Standard Webhooks 验签库直接使用），仅在创建时返回（幂等重放的响应中不含密钥）")
          @Nullable String secret) {}

  public record Delivery(
      UUID id,
      @Schema(description = "消息ID，即请求头 webhook-id：同一消息的重试和重新投递不变，接收方据此去重") String messageId,
      UUID alertId,
      String eventType,
      @Schema(
              description = "投递状态",
              allowableValues = {"PENDING", "DELIVERED", "FAILED"})
          String status,
      int attempts,
      @Nullable Integer lastStatus,
      @Nullable String lastError,
      Instant createdAt,
      @Nullable Instant deliveredAt,
      @Schema(description = "重新投递时：原投递记录ID") @Nullable UUID redeliveryOf,
      @Schema(description = "重新投递时：发起人") @Nullable String requestedBy) {}
}
