package cn.dangjian.assessment.accountability;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.UUID;

/** What the accountability API answers with. */
public final class AccountabilityViews {

  private AccountabilityViews() {}

  @Schema(description = "问责事项：提醒谈话与限期整改 (an accountability case)")
  public record Case(
      UUID id,
      UUID orgId,
      UUID cycleId,
      UUID previousCycleId,
      int years,
      String band,
      LocalDate talkBy,
      LocalDate rectifyBy,
      @Schema(description = "TALK_DUE 待谈话 / RECTIFYING 整改中 / CLOSED 已办结") String status,
      LocalDate talkHeldOn,
      String talkHeldBy,
      String talkRecord,
      @Schema(description = "RECTIFIED 已整改 / NOT_RECTIFIED 未整改") String outcome,
      String outcomeNote,
      LocalDate outcomeOn,
      long version) {}
}
