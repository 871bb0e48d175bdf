package cn.dangjian.alert;

import static cn.dangjian.testsupport.api.PublishedValues.assertPublishedAs;

import cn.dangjian.alert.catalogue.Severity;
import cn.dangjian.alert.catalogue.SubjectType;
import org.junit.jupiter.api.Test;

/** The values this service sends in its events are the ones api/asyncapi.yaml documents. */
class PublishedValuesTest {

  @Test
  void ownEnumsArePublishedUnderTheSameNames() {
    assertPublishedAs(Severity.class, cn.dangjian.events.alert.AlertSeverity.class);
    assertPublishedAs(
        cn.dangjian.alert.handling.AlertStatus.class, cn.dangjian.events.alert.AlertStatus.class);
    assertPublishedAs(SubjectType.class, cn.dangjian.events.alert.AlertSubjectType.class);
  }
}
