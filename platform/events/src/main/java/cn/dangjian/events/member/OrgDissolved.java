package cn.dangjian.events.member;

import java.time.LocalDate;
import java.util.UUID;

/** {@code org.dissolved} v1: an organisation was dissolved (撤销); it stays for history. */
public record OrgDissolved(UUID orgId, LocalDate dissolvedOn) {}
