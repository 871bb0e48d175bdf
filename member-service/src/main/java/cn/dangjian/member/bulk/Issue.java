package cn.dangjian.member.bulk;

/**
 * A problem found in one row, before it is put into the caller's language: either a message key
 * with arguments or an already localised message (Bean Validation interpolates its own).
 *
 * @param column the column at fault, or null for the whole row
 */
public record Issue(
    BulkColumn column, String rule, String messageKey, Object[] args, String message) {

  public static Issue of(BulkColumn column, String rule, String messageKey, Object... args) {
    return new Issue(column, rule, messageKey, args, null);
  }

  public static Issue localized(BulkColumn column, String rule, String message) {
    return new Issue(column, rule, null, null, message);
  }
}
