package cn.dangjian.events.member;

import cn.dangjian.events.OneOf;
import cn.dangjian.events.Subject;
import java.util.UUID;

/**
 * {@code org.classified} v1: the unit an organisation is set up in, as it is after the creation, a
 * change, or a republication (go-live backfill). Published in the transaction of {@code
 * org.created}; on the topic it may come first.
 *
 * @param unitType 单位类型
 * @param affiliation 隶属关系
 */
@Subject(value = "orgId", kind = "org")
public record OrgClassified(
    UUID orgId,
    @OneOf(UnitType.class) String unitType,
    @OneOf(Affiliation.class) String affiliation) {}
