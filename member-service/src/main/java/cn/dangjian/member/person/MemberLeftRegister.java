package cn.dangjian.member.person;

import java.time.LocalDate;
import java.util.UUID;

/**
 * In-process event, in the transaction of the change: a member's status left ACTIVE (停止党籍, 出党,
 * 死亡…). Features that hold something open for an active member close it.
 */
public record MemberLeftRegister(UUID memberId, MemberStatus status, LocalDate on) {}
