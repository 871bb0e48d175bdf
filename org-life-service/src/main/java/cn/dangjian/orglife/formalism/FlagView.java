package cn.dangjian.orglife.formalism;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** One flag on a record with its evidence. */
@NamedInterface("checks")
@Schema(description = "形式主义核查提示及证据 (an anti-formalism flag with its evidence)")
public record FlagView(
    UUID id,
    @Schema(description = "记录版本") int recordVersion,
    FlagKind kind,
    String kindLabel,
    @Schema(description = "相关的另一条会议记录（雷同、时间重叠）") @Nullable UUID relatedMeetingId,
    @Schema(description = "相似度（0–1，仅记录雷同）") @Nullable Double similarity,
    @Schema(description = "证据（JSON）") String evidence,
    Instant raisedAt) {}
