package cn.dangjian.bench.province;

import java.util.List;
import java.util.UUID;

/**
 * A branch the load run can aim requests at.
 *
 * @param memberIds the branch's admitted members (full and probationary, status ACTIVE), id order
 */
public record SampleBranch(UUID orgId, String orgPath, UUID countyOrgId, List<UUID> memberIds) {}
