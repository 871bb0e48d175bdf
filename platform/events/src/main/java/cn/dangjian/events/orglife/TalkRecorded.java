package cn.dangjian.events.orglife;

import cn.dangjian.events.OneOf;
import cn.dangjian.events.Subject;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code orglife.talk-recorded} v1: a heart-to-heart talk (谈心谈话) between two members.
 *
 * @param pairKind COMMITTEE_COMMITTEE, COMMITTEE_MEMBER or MEMBER_MEMBER
 */
@Subject(value = "talkId", kind = "talk")
public record TalkRecorded(
    UUID talkId,
    UUID orgId,
    UUID memberAId,
    UUID memberBId,
    @OneOf(TalkPairKind.class) String pairKind,
    LocalDate talkedOn) {}
