package cn.dangjian.events.member;

import java.util.UUID;

/** {@code org.renamed} v1: an organisation got a new name. */
public record OrgRenamed(UUID orgId, String name) {}
