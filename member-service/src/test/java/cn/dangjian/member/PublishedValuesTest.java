package cn.dangjian.member;

import static cn.dangjian.testsupport.api.PublishedValues.assertPublishedAs;

import org.junit.jupiter.api.Test;

/** The values this service sends in its events are the ones api/asyncapi.yaml documents. */
class PublishedValuesTest {

  @Test
  void ownEnumsArePublishedUnderTheSameNames() {
    assertPublishedAs(
        cn.dangjian.member.org.OrgType.class, cn.dangjian.events.member.OrgType.class);
    assertPublishedAs(
        cn.dangjian.member.person.MemberFlag.class, cn.dangjian.events.member.MemberFlag.class);
    assertPublishedAs(
        cn.dangjian.member.transfer.TransferDirection.class,
        cn.dangjian.events.member.TransferDirection.class);
    assertPublishedAs(
        cn.dangjian.member.discipline.SanctionKind.class,
        cn.dangjian.events.member.SanctionKind.class);
    assertPublishedAs(
        cn.dangjian.member.discipline.SanctionStatus.class,
        cn.dangjian.events.member.SanctionStatus.class);
    assertPublishedAs(
        cn.dangjian.member.transfer.TransferStatus.class,
        cn.dangjian.events.member.TransferStatus.class);
    assertPublishedAs(
        cn.dangjian.member.approval.ApprovalKind.class,
        cn.dangjian.events.member.ApprovalKind.class);
  }
}
