package cn.dangjian.events.member;

import java.util.UUID;

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
public record OrgCreated(UUID orgId, UUID parentId, String name, String orgType, String path) {}
