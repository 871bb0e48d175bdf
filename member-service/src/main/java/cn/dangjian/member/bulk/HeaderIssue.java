package cn.dangjian.member.bulk;

/** A problem with the header row, naming the column as written in the file. */
public record HeaderIssue(String column, String rule, String messageKey, Object[] args) {}
