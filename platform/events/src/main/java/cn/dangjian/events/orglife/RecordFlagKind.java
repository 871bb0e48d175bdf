package cn.dangjian.events.orglife;

/**
 * Which anti-formalism check flagged a record. Published as a string, see {@link
 * cn.dangjian.events.OneOf}.
 */
public enum RecordFlagKind {
  DUPLICATE_MINUTES,
  IDENTICAL_FULL_ATTENDANCE,
  OVERLAPPING_MEETINGS,
  LATE_ENTRY
}
