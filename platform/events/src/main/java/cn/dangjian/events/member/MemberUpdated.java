package cn.dangjian.events.member;

import java.util.List;
import java.util.UUID;

/**
 * {@code member.updated} v1: fields of a member's record changed. Names the fields, never their
 * values (some are personal data); consumers that need values ask member-service.
 *
 * @param memberId the member
 * @param orgId the member's organisation
 * @param changedFields e.g. ["phone", "duesCategory"]
 */
public record MemberUpdated(UUID memberId, UUID orgId, List<String> changedFields) {}
