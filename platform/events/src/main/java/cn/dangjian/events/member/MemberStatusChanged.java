package cn.dangjian.events.member;

import cn.dangjian.events.Subject;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code member.status-changed} v1: membership status changed (停止党籍, 恢复党籍, 除名, 开除党籍…).
 *
 * @param fromStatus e.g. ACTIVE
 * @param toStatus e.g. SUSPENDED, STRUCK_OFF, EXPELLED
 * @param effectiveOn the date of the decision
 */
@Subject(value = "memberId", kind = "member")
public record MemberStatusChanged(
    UUID memberId, UUID orgId, String fromStatus, String toStatus, LocalDate effectiveOn) {}
