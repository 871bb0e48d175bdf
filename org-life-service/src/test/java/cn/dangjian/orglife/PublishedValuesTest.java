package cn.dangjian.orglife;

import static cn.dangjian.testsupport.api.PublishedValues.assertPublishedAs;

import cn.dangjian.orglife.appraisal.Grade;
import cn.dangjian.orglife.formalism.FlagKind;
import cn.dangjian.orglife.talk.PairKind;
import org.junit.jupiter.api.Test;

/** The values this service sends in its events are the ones api/asyncapi.yaml documents. */
class PublishedValuesTest {

  @Test
  void ownEnumsArePublishedUnderTheSameNames() {
    assertPublishedAs(
        cn.dangjian.orglife.meeting.MeetingType.class,
        cn.dangjian.events.orglife.MeetingType.class);
    assertPublishedAs(
        cn.dangjian.orglife.meeting.MeetingStatus.class,
        cn.dangjian.events.orglife.MeetingStatus.class);
    assertPublishedAs(
        cn.dangjian.orglife.meeting.AbsenceReason.class,
        cn.dangjian.events.orglife.AbsenceReason.class);
    assertPublishedAs(FlagKind.class, cn.dangjian.events.orglife.RecordFlagKind.class);
    assertPublishedAs(PairKind.class, cn.dangjian.events.orglife.TalkPairKind.class);
    assertPublishedAs(
        cn.dangjian.orglife.training.TrainingKind.class,
        cn.dangjian.events.orglife.TrainingKind.class);
    assertPublishedAs(Grade.class, cn.dangjian.events.orglife.AppraisalGrade.class);
  }
}
