package cn.dangjian.member.bulk;

import cn.dangjian.events.member.Affiliation;
import cn.dangjian.events.member.UnitType;
import cn.dangjian.member.org.OrgType;
import java.util.UUID;

/**
 * One organisation row: the parent is an existing organisation ({@code parentId}) or an earlier row
 * of the same file ({@code parentKey} = that row's {@code key}); neither means a root, unless the
 * import names a parent for the whole file.
 */
public record OrgRow(
    String key,
    String parentKey,
    UUID parentId,
    String name,
    OrgType type,
    UnitType unitType,
    Affiliation affiliation) {}
