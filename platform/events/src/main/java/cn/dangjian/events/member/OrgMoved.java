package cn.dangjian.events.member;

import cn.dangjian.events.Subject;
import java.util.UUID;

/**
 * {@code org.moved} v1: an organisation and its whole subtree moved under a new parent. Every path
 * starting with {@code oldPath} now starts with {@code newPath}; consumers with a projection of the
 * tree rewrite their paths the same way.
 */
@Subject(value = "orgId", kind = "org")
public record OrgMoved(
    UUID orgId,
    UUID oldParentId,
    UUID newParentId,
    String oldPath,
    String newPath,
    int movedOrgs,
    int movedMembers) {}
