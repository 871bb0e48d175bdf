package cn.dangjian.assessment;

import static cn.dangjian.testsupport.api.PublishedValues.assertPublishedAs;

import cn.dangjian.assessment.cycle.Grade;
import org.junit.jupiter.api.Test;

/** The values this service sends in its events are the ones api/asyncapi.yaml documents. */
class PublishedValuesTest {

  @Test
  void ownEnumsArePublishedUnderTheSameNames() {
    assertPublishedAs(
        cn.dangjian.assessment.cycle.CycleKind.class,
        cn.dangjian.events.assessment.CycleKind.class);
    assertPublishedAs(Grade.class, cn.dangjian.events.assessment.CycleGrade.class);
    assertPublishedAs(
        cn.dangjian.assessment.points.PointsAction.class,
        cn.dangjian.events.assessment.PointsAction.class);
  }
}
