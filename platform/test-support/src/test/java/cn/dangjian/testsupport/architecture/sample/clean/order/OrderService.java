package cn.dangjian.testsupport.architecture.sample.clean.order;

import cn.dangjian.testsupport.architecture.sample.clean.order.OrderViews.OrderView;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Clean: decides with the rules, reads through the store. */
@Service
public class OrderService {

  private final OrderStore store;

  OrderService(OrderStore store) {
    this.store = store;
  }

  public OrderView get(UUID id) {
    OrderView order = store.find(id);
    OrderRules.requirePositive(order.total());
    return order;
  }
}
