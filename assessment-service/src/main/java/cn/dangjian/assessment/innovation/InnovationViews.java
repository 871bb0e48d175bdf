package cn.dangjian.assessment.innovation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the innovation-case API answers with. */
public final class InnovationViews {

  private InnovationViews() {}

  /** TEXT (body), LINK (ref = URL) or ATTACHMENT (ref = an attachment id elsewhere). */
  @Schema(description = "材料 (a material: text, a link or an attachment reference)")
  public record Material(
      @Schema(
              description = "TEXT 文字 / LINK 链接 / ATTACHMENT 附件",
              allowableValues = {"TEXT", "LINK", "ATTACHMENT"})
          String kind,
      String title,
      @Nullable String ref,
      @Nullable String body) {}

  @Schema(description = "创新案例 (an innovation case)")
  public record CaseView(
      UUID id,
      UUID orgId,
      String orgName,
      int year,
      String title,
      String summary,
      String content,
      @Schema(
              description = "SUBMITTED 已提交 / ACCEPTED 审核通过 / REJECTED 未通过 / SELECTED 入选",
              allowableValues = {"SUBMITTED", "ACCEPTED", "REJECTED", "SELECTED"})
          String status,
      @Nullable String reviewNote,
      @Nullable String award,
      List<Material> materials) {}
}
