package cn.dangjian.events.member;

import cn.dangjian.events.OneOf;
import cn.dangjian.events.Subject;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code org.created} v1: a Party organisation was created in the tree.
 *
 * @param orgId the new organisation
 * @param parentId its parent, null for a root
 * @param name full name, e.g. 某某街道第一党支部
 * @param orgType PARTY_COMMITTEE, GENERAL_BRANCH, BRANCH, PARTY_GROUP, JOINT_BRANCH or
 *     TEMPORARY_BRANCH
 * @param path materialised path {@code /rootId/…/orgId/}
 */
@Subject(value = "orgId", kind = "org")
public record OrgCreated(
    UUID orgId,
    @Nullable UUID parentId,
    String name,
    @OneOf(OrgType.class) String orgType,
    String path) {}
