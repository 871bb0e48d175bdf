package cn.dangjian.member.org;

/** Makes user text safe as a LIKE prefix: its % and _ match themselves. */
public final class LikeEscaper {

  private LikeEscaper() {}

  public static String prefix(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
