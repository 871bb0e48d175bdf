package cn.dangjian.member.development;

import cn.dangjian.member.approval.DecidingBody;
import cn.dangjian.member.person.MemberStage;
import java.util.Optional;

/**
 * The 25 steps of 《发展党员工作细则》 (DOMAIN.md §2.2) in order, with the stage a member must be in to take
 * each and the stage the step leads to (null: no change).
 */
public enum DevelopmentStep {
  APPLICATION(1, "递交入党申请书", MemberStage.APPLICANT, null),
  TALK(2, "党组织派人谈话", MemberStage.APPLICANT, null),
  ACTIVIST_CONFIRMED(3, "确定入党积极分子", MemberStage.APPLICANT, MemberStage.ACTIVIST),
  ACTIVIST_FILED(4, "报上级党委备案", MemberStage.ACTIVIST, null),
  CONTACTS_ASSIGNED(5, "指定培养联系人", MemberStage.ACTIVIST, null),
  ACTIVIST_EDUCATION(6, "培养教育考察", MemberStage.ACTIVIST, null),
  TARGET_CONFIRMED(7, "确定发展对象", MemberStage.ACTIVIST, MemberStage.DEVELOPMENT_TARGET),
  TARGET_FILED(8, "报上级党委备案", MemberStage.DEVELOPMENT_TARGET, null),
  INTRODUCERS_ASSIGNED(9, "确定入党介绍人", MemberStage.DEVELOPMENT_TARGET, null),
  POLITICAL_REVIEW(10, "政治审查", MemberStage.DEVELOPMENT_TARGET, null),
  INTENSIVE_TRAINING(11, "短期集中培训", MemberStage.DEVELOPMENT_TARGET, null),
  COMMITTEE_REVIEW(12, "支部委员会审查", MemberStage.DEVELOPMENT_TARGET, null),
  PRE_REVIEW(13, "上级党委预审", MemberStage.DEVELOPMENT_TARGET, null),
  APPLICATION_FORM(14, "填写入党志愿书", MemberStage.DEVELOPMENT_TARGET, null),
  ADMISSION_MEETING(15, "支部大会讨论接收", MemberStage.DEVELOPMENT_TARGET, null),
  HIGHER_TALK(16, "上级党委派人谈话", MemberStage.DEVELOPMENT_TARGET, null),
  ADMISSION_APPROVED(17, "上级党委审批", MemberStage.DEVELOPMENT_TARGET, MemberStage.PROBATIONARY),
  ADMISSION_FILED(18, "再上一级党委组织部门备案", MemberStage.PROBATIONARY, null),
  ASSIGNED_TO_GROUP(19, "编入党支部和党小组", MemberStage.PROBATIONARY, null),
  OATH(20, "入党宣誓", MemberStage.PROBATIONARY, null),
  PROBATION_EDUCATION(21, "继续教育考察", MemberStage.PROBATIONARY, null),
  CONVERSION_APPLICATION(22, "提出书面转正申请", MemberStage.PROBATIONARY, null),
  CONVERSION_MEETING(23, "支部大会讨论转正", MemberStage.PROBATIONARY, null),
  CONVERSION_APPROVED(24, "上级党委审批转正", MemberStage.PROBATIONARY, MemberStage.FULL),
  ARCHIVED(25, "材料归档", MemberStage.FULL, null);

  private final int number;
  private final String label;
  private final MemberStage requiredStage;
  private final MemberStage leadsTo;

  DevelopmentStep(int number, String label, MemberStage requiredStage, MemberStage leadsTo) {
    this.number = number;
    this.label = label;
    this.requiredStage = requiredStage;
    this.leadsTo = leadsTo;
  }

  public int number() {
    return number;
  }

  public String label() {
    return label;
  }

  public MemberStage requiredStage() {
    return requiredStage;
  }

  public MemberStage leadsTo() {
    return leadsTo;
  }

  /**
   * The body above the branch that takes this step (FZ Arts 19, 21–23, 33): the 基层党委 pre-reviews,
   * talks to the target and approves admission and conversion; the 党委 above it files the admission.
   * The branch cannot record these itself; it requests them through an approval.
   */
  public Optional<DecidingBody> decidedBy() {
    return switch (this) {
      case PRE_REVIEW, HIGHER_TALK, ADMISSION_APPROVED, CONVERSION_APPROVED ->
          Optional.of(DecidingBody.PRIMARY_COMMITTEE);
      case ADMISSION_FILED -> Optional.of(DecidingBody.HIGHER_COMMITTEE);
      default -> Optional.empty();
    };
  }

  /** Steps that are votes of the branch members' meeting. */
  public boolean isBranchVote() {
    return this == ADMISSION_MEETING || this == CONVERSION_MEETING;
  }
}
