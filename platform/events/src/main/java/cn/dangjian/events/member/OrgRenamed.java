package cn.dangjian.events.member;

import cn.dangjian.events.Subject;
import java.util.UUID;

/** {@code org.renamed} v1: an organisation got a new name. */
@Subject(value = "orgId", kind = "org")
public record OrgRenamed(UUID orgId, String name) {}
