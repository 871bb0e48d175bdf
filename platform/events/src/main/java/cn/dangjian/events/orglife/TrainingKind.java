package cn.dangjian.events.orglife;

/** 党课, 集中培训, 书记轮训, 微党课. Published as a string, see {@link cn.dangjian.events.OneOf}. */
public enum TrainingKind {
  PARTY_LECTURE,
  CONCENTRATED,
  ROTATION,
  MICRO_LESSON
}
