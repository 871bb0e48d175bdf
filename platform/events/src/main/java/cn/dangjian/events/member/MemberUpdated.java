package cn.dangjian.events.member;

import cn.dangjian.events.Subject;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code member.updated} v1: fields of a member's record changed. Names the fields, never their
 * values (some are personal data); consumers that need values ask member-service. Classifications
 * that are not personal data travel with it (added in v1 as optional fields).
 *
 * @param memberId the member
 * @param orgId the member's organisation
 * @param changedFields e.g. ["phone", "duesCategory"]
 * @param duesCategory the dues category after the change (null in events written before it was
 *     added)
 * @param stage the development stage after the change (null in older events)
 */
@Subject(value = "memberId", kind = "member")
public record MemberUpdated(
    UUID memberId,
    UUID orgId,
    List<String> changedFields,
    @Nullable String duesCategory,
    @Nullable String stage) {}
