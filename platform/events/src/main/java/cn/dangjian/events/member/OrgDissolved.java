package cn.dangjian.events.member;

import cn.dangjian.events.Subject;
import java.time.LocalDate;
import java.util.UUID;

/** {@code org.dissolved} v1: an organisation was dissolved (撤销); it stays for history. */
@Subject(value = "orgId", kind = "org")
public record OrgDissolved(UUID orgId, LocalDate dissolvedOn) {}
