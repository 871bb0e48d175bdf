package cn.dangjian.platform.projection;

import java.util.UUID;

/**
 * An organisation as this service learned it from {@code member.events}.
 *
 * @param path member-service's materialised path {@code /rootId/…/orgId/}
 * @param depth 1 for a root
 */
public record ProjectedOrg(
    UUID orgId,
    UUID parentId,
    String name,
    String orgType,
    String path,
    int depth,
    boolean dissolved) {}
