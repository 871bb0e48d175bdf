package cn.dangjian.orglife.meeting;

/** Kinds of organisational life (DOMAIN.md §4.1). */
public enum MeetingType {
  /** 支部党员大会: every member of the branch; votes. */
  BRANCH_GENERAL_MEETING("支部党员大会", true, false),
  /** 支委会: the branch committee; votes; quorum >½ of committee members. */
  COMMITTEE_MEETING("支委会", true, true),
  /** 党小组会: the members of one Party group. */
  GROUP_MEETING("党小组会", false, true),
  /** 党课: lecturer and topic; attendees are credited training hours. */
  PARTY_LECTURE("党课", false, false),
  /** 主题党日: a fixed day each month, with a theme. */
  THEMED_PARTY_DAY("主题党日", false, false),
  /** 组织生活会: at least once a year, usually Q4. */
  ORG_LIFE_MEETING("组织生活会", false, false),
  /** 民主评议党员: yearly; the grades are decided by vote. */
  DEMOCRATIC_APPRAISAL("民主评议党员", true, false);

  private final String label;
  private final boolean votes;
  private final boolean namedRoster;

  MeetingType(String label, boolean votes, boolean namedRoster) {
    this.label = label;
    this.votes = votes;
    this.namedRoster = namedRoster;
  }

  public String label() {
    return label;
  }

  /** Whether the meeting may adopt resolutions by vote. */
  public boolean votes() {
    return votes;
  }

  /**
   * Whether the expected attendees are named by the organiser (committee members, a group's
   * members) rather than being every member of the branch: the member projection does not know who
   * sits on a committee or in a group, so the service checks each named person belongs to the
   * branch instead.
   */
  public boolean namedRoster() {
    return namedRoster;
  }
}
