package cn.dangjian.dues.payment;

import cn.dangjian.dues.payment.PaymentRequests.PaymentView;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
public interface PaymentMapper {

  @Mapping(target = "statusLabel", expression = "java(payment.getStatus().label())")
  @Mapping(target = "months", expression = "java(payment.monthList())")
  @Mapping(
      target = "totalYuan",
      expression = "java(cn.dangjian.dues.support.Money.yuan(payment.getTotalFen()))")
  PaymentView toView(Payment payment);
}
