package cn.dangjian.events.orglife;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code orglife.talk-recorded} v1: a heart-to-heart talk (谈心谈话) between two members.
 *
 * @param pairKind COMMITTEE_COMMITTEE, COMMITTEE_MEMBER or MEMBER_MEMBER
 */
public record TalkRecorded(
    UUID talkId, UUID orgId, UUID memberAId, UUID memberBId, String pairKind, LocalDate talkedOn) {}
