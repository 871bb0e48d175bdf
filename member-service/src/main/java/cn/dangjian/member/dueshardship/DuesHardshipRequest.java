package cn.dangjian.member.dueshardship;

import cn.dangjian.member.person.MemberRequests;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Schema(
    description =
        "提请上一级党委批准困难党员减交或免交党费：附支部党员大会讨论表决结果；批准后党费核定自动生效"
            + " (request a hardship reduction or waiver of dues; applied to the dues profile when"
            + " approved)")
public record DuesHardshipRequest(
    @Schema(description = "REDUCED 减交 / WAIVED 免交", example = "REDUCED") @NotNull
        DuesHardshipKind kind,
    @Schema(
            description = "减交后每月金额（分，大于0）；仅 REDUCED 填写 (the reduced monthly amount in fen)",
            example = "200")
        @Min(0)
        @Max(100_000_000L)
        @Nullable Long reducedFen,
    @Schema(description = "有效期至（晚于今天）(until, after today)") @NotNull LocalDate until,
    @Schema(
            description = "困难情况及支部讨论意见 (the hardship and the branch's discussion)",
            example = "因病生活困难")
        @NotBlank
        @Size(max = 200)
        String reason,
    @Schema(description = "支部党员大会表决 (the branch meeting's vote)") @NotNull @Valid
        MemberRequests.Vote vote,
    @Schema(description = "附件：支部党员大会记录、困难证明等ID (minutes, evidence)") @Size(max = 20)
        @Nullable List<UUID> attachments) {}
