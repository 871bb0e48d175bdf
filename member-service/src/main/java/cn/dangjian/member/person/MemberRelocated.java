package cn.dangjian.member.person;

import java.util.UUID;

/**
 * In-process event: a member's organisational relationship moved to another org (or left the
 * platform). Listeners that must follow the register (e.g. the Keycloak account) react after
 * commit; the publication registry retries them if they fail.
 */
public record MemberRelocated(UUID memberId) {}
