package cn.dangjian.member.bulk;

/** A cell whose text cannot be turned into the value its column needs. */
public class ValueException extends RuntimeException {

  private final String rule;
  private final String messageKey;
  private final transient Object[] args;

  public ValueException(String rule, String messageKey, Object... args) {
    super(rule, null, false, false);
    this.rule = rule;
    this.messageKey = messageKey;
    this.args = args;
  }

  public Issue toIssue(BulkColumn column) {
    return Issue.of(column, rule, messageKey, args);
  }

  public String rule() {
    return rule;
  }
}
