package cn.dangjian.testsupport.architecture.sample.clean.order;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.UUID;

/** Clean: the API records next to the controller. */
public final class OrderViews {

  private OrderViews() {}

  @Schema(description = "an order")
  public record OrderView(UUID id, @Schema(description = "total") BigDecimal total) {}

  @Schema(description = "a line, nested in a *Views holder")
  public record Line(String item) {}
}
