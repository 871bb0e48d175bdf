package cn.dangjian.testsupport.architecture.sample.clean.billing;

import cn.dangjian.testsupport.architecture.sample.clean.order.OrderService;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Clean: billing uses order, order knows nothing of billing (no cycle). */
@Service
public class BillingService {

  private final OrderService orders;

  BillingService(OrderService orders) {
    this.orders = orders;
  }

  public boolean billable(UUID orderId) {
    return orders.get(orderId).total().signum() > 0;
  }
}
