package cn.dangjian.member.discipline;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Published in the approval's transaction when a sanction takes the member's party posts away
 * (撤销党内职务, 留党察看); the committee module vacates the seats.
 */
public record PostsForfeited(UUID memberId, LocalDate on, String reason) {}
