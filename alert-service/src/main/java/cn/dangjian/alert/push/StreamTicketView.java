package cn.dangjian.alert.push;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A stream ticket as handed to the client (once). */
@Schema(description = "一次性推送票据 (single-use stream ticket)")
public record StreamTicketView(
    @Schema(description = "票据：作为 GET /api/alerts/stream?ticket= 使用一次；勿记录、勿保存") String ticket,
    @Schema(description = "过期时间（30 秒内，且不晚于换取它的令牌）") Instant expiresAt,
    @Schema(description = "打开推送流的地址（已含票据）", example = "/api/alerts/stream?ticket=…")
        String streamUrl) {}
