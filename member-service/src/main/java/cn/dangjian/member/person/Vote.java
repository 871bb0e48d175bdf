package cn.dangjian.member.person;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * A branch members' meeting's vote as entered; the base (members entitled to vote) is computed by
 * the service, never taken from the client. Used by admission and 转正 steps and by the requests the
 * 支部大会 decides before a higher body approves (除名, 劝退, 开除党籍…).
 */
@Schema(description = "支部大会表决结果；应到会人数由系统按有表决权的正式党员计算 (vote counts)")
public record Vote(
    @Schema(description = "经批准不计入应到会人数的人数 (excluded from the base with approval)")
        @Min(0)
        @Max(10000)
        int excludedWithApproval,
    @Schema(description = "实到会有表决权人数 (present with a vote)") @Min(0) @Max(10000) int present,
    @Schema(description = "赞成 (approve)") @Min(0) @Max(10000) int approve,
    @Schema(description = "反对 (oppose)") @Min(0) @Max(10000) int oppose,
    @Schema(description = "弃权 (abstain)") @Min(0) @Max(10000) int abstain,
    @Schema(description = "因故缺席者会前书面表示赞成的人数 (absentees' written approvals)") @Min(0) @Max(10000)
        int writtenApprovals) {}
