package cn.dangjian.events.member;

import cn.dangjian.events.OneOf;
import cn.dangjian.events.Subject;
import java.util.List;
import java.util.UUID;

/**
 * {@code org.structure-changed} v1: the structural warnings of an organisation changed (DOMAIN.md
 * §1.2: fewer than 3 formal members, committee required from 7, more than 50 members…).
 *
 * @param warnings the current warning codes, empty when all is in order
 * @param formalMembers active full members
 * @param members all active members
 */
@Subject(value = "orgId", kind = "org")
public record OrgStructureChecked(
    UUID orgId,
    @OneOf(OrgType.class) String orgType,
    List<String> warnings,
    int formalMembers,
    int members) {}
