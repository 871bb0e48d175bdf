package cn.dangjian.testsupport.architecture.sample.clean.order;

import cn.dangjian.testsupport.architecture.sample.clean.order.OrderViews.OrderView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Clean: documented, no SQL, talks to its service. */
@RestController
class OrderController {

  private final OrderService service;

  OrderController(OrderService service) {
    this.service = service;
  }

  @Schema(description = "an input nested in the controller")
  record PlaceOrder(@Schema(description = "what") String item) {}

  @GetMapping("/orders/{id}")
  @Operation(summary = "an order")
  OrderView get(@PathVariable UUID id) {
    return service.get(id);
  }
}
