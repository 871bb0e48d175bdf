package cn.dangjian.dues;

import static cn.dangjian.testsupport.api.PublishedValues.assertPublishedAs;

import cn.dangjian.dues.payment.Channel;
import org.junit.jupiter.api.Test;

/** The values this service sends in its events are the ones api/asyncapi.yaml documents. */
class PublishedValuesTest {

  @Test
  void ownEnumsArePublishedUnderTheSameNames() {
    assertPublishedAs(Channel.class, cn.dangjian.events.dues.PaymentChannel.class);
  }
}
