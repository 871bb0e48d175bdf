package cn.dangjian.assessment.accountability;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the accountability API answers with. */
public final class AccountabilityViews {

  private AccountabilityViews() {}

  @Schema(description = "问责事项：提醒谈话与限期整改 (an accountability case)")
  public record Case(
      UUID id,
      UUID orgId,
      UUID cycleId,
      @Nullable UUID previousCycleId,
      int years,
      String band,
      LocalDate talkBy,
      LocalDate rectifyBy,
      @Schema(
              description = "TALK_DUE 待谈话 / RECTIFYING 整改中 / CLOSED 已办结",
              allowableValues = {"TALK_DUE", "RECTIFYING", "CLOSED"})
          String status,
      @Nullable LocalDate talkHeldOn,
      @Nullable String talkHeldBy,
      @Nullable String talkRecord,
      @Schema(
              description = "RECTIFIED 已整改 / NOT_RECTIFIED 未整改",
              allowableValues = {"RECTIFIED", "NOT_RECTIFIED"})
          @Nullable String outcome,
      @Nullable String outcomeNote,
      @Nullable LocalDate outcomeOn,
      long version) {}
}
