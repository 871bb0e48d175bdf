package cn.dangjian.alert.catalogue;

import static cn.dangjian.alert.catalogue.Evaluation.DUE_DATE;
import static cn.dangjian.alert.catalogue.Evaluation.PERIOD_END;
import static cn.dangjian.alert.catalogue.RuleCatalogue.COMMITTEE_TRAINING_SHORT;
import static cn.dangjian.alert.catalogue.RuleCatalogue.DUES_BASE_NOT_REASSESSED;
import static cn.dangjian.alert.catalogue.RuleCatalogue.EXCELLENT_SHARE_EXCEEDED;
import static cn.dangjian.alert.catalogue.RuleCatalogue.MEETING_QUORUM_NOT_MET;
import static cn.dangjian.alert.catalogue.RuleCatalogue.NEW_SECRETARY_UNTRAINED;
import static cn.dangjian.alert.catalogue.RuleCatalogue.SECRETARY_ROTATION_MISSING;
import static cn.dangjian.alert.catalogue.RuleCatalogue.TALK_COVERAGE_SHORT;
import static cn.dangjian.alert.catalogue.RuleCatalogue.TARGET_TRAINING_HOURS_SHORT;
import static cn.dangjian.alert.catalogue.RuleDefinition.blocking;
import static cn.dangjian.alert.catalogue.RuleDefinition.rule;
import static cn.dangjian.alert.catalogue.SubjectType.MEMBER;
import static cn.dangjian.alert.catalogue.SubjectType.ORG;

import java.util.List;

/**
 * The defaults of the rules that complete DOMAIN §7 (talks, committee members' training, the
 * secretaries' rotation and induction, the dues base) and the three rows that are hard validations
 * in the owning service — kept apart from {@link DefaultRules} only to keep each file readable.
 */
final class DefaultRulesSection7 {

  private DefaultRulesSection7() {}

  static List<RuleDefinition> all() {
    return List.of(
        rule(
            TALK_COVERAGE_SHORT,
            "年度谈心谈话未全覆盖",
            "《中国共产党支部工作条例（试行）》第五章：支部委员之间、支部委员和党员之间、党员和党员之间，每年谈心谈话一般不少于1次。",
            ORG,
            PERIOD_END,
            "天（相对年末）",
            "-91,-,0",
            "{year}年谈心谈话覆盖率{percent}%（{covered}/{required}对）",
            "本支部{year}年谈心谈话尚未全覆盖：支部委员之间{ccCovered}/{ccRequired}对，支部委员与党员之间{cmCovered}/{cmRequired}对"
                + "（未谈的如：{missingText}）。依据《支部工作条例》第五章，支部委员之间、支部委员和党员之间每年谈心谈话一般不少于1次。"
                + "请于{deadline}前由支部书记统筹安排，逐一开展谈心谈话并在系统中登记，组织生活会前完成。",
            "{year}年谈心谈话已全覆盖（{covered}对），预警自动解除。",
            30),
        rule(
            COMMITTEE_TRAINING_SHORT,
            "支部委员年度培训学时不足",
            "中办《2019—2023年全国党员教育培训工作规划》：基层党组织书记和班子成员每年集中学习培训不少于56学时。",
            MEMBER,
            DUE_DATE,
            "天（相对年末）",
            "-91,-,0",
            "支部委员{year}年培训学时不足（{hours}/{required}学时）",
            "该支部委员（{memberId}）{year}年已完成培训{hours}学时，距班子成员年度要求{required}学时还差{missing}学时。"
                + "请于{deadline}前参加集中培训、党课或网络学习，补足学时，其中至少参加1次集中培训。",
            "该支部委员{year}年培训已达{hours}学时，预警自动解除。",
            30),
        rule(
            SECRETARY_ROTATION_MISSING,
            "书记年度未参加集中轮训",
            "中办《2019—2023年全国党员教育培训工作规划》：基层党组织书记每年至少参加1次县级以上党委组织的集中轮训。",
            MEMBER,
            DUE_DATE,
            "天（相对年末）",
            "-91,-,0",
            "书记{year}年尚未参加集中轮训",
            "本组织书记（{memberId}）{year}年尚无集中轮训记录（最近一次轮训：{lastRotation}）。"
                + "依据党员教育培训工作规划，基层党组织书记每年至少参加1次县级以上党委组织的集中轮训。"
                + "请于{deadline}前报名参加上级组织的轮训班，并由组织方登记学时。",
            "书记已于{rotationOn}参加集中轮训，预警自动解除。",
            30),
        rule(
            NEW_SECRETARY_UNTRAINED,
            "新任书记6个月内未参加培训",
            "中办《2019—2023年全国党员教育培训工作规划》：新任基层党组织书记一般在任职后6个月内参加任职培训。",
            MEMBER,
            DUE_DATE,
            "天（相对期限）",
            "-30,0,90",
            "新任书记任职培训期限{due}",
            "该书记（{memberId}）于{since}任职，应于{due}前参加任职培训（集中培训或集中轮训），系统中尚无记录。"
                + "请于{deadline}前安排其参加上级党委组织的新任书记培训，并登记学时。",
            "{resolution}，预警自动解除。",
            30),
        rule(
            DUES_BASE_NOT_REASSESSED,
            "党费基数年度未核定",
            "《关于中国共产党党费收缴、使用和管理的规定》第十条：党员工资收入发生变化后，从按新工资标准领取工资的当月起，按新的工资收入交纳党费；各地一般于每年年初核定党员交纳党费基数。",
            ORG,
            PERIOD_END,
            "天（相对一季度末）",
            "1,31,-",
            "{year}年尚有{missing}名党员未核定党费基数",
            "本支部按工资、年薪、经营收入或离退休费交纳党费的{total}名党员中，有{missing}名尚未核定{year}年党费基数（如：{examples}）。"
                + "依据党费规定第十条，党员收入变化的应从变化当月起按新基数交纳，年初应统一核定。"
                + "请于{deadline}前逐人核实收入并在党费系统中登记{year}年核定基数。",
            "{year}年党费基数已全部核定，预警自动解除。",
            30),
        blocking(
            MEETING_QUORUM_NOT_MET,
            "会议到会人数或表决基数不足",
            "《中国共产党支部工作条例（试行）》第十一、十二条；《中国共产党发展党员工作细则》第二十条：有表决权的党员到会超过半数方可表决，赞成票超过应到会有表决权党员的半数方为通过。",
            ORG,
            "会议记录或表决办理时直接拦截（422），不产生预警：支部党员大会到会须超过应到会有表决权党员的半数，"
                + "支委会到会须超过委员半数，决议赞成须超过应到会有表决权人数的半数。",
            "org-life-service, member-service",
            "meeting-needs-more-than-half-present",
            "resolution-needs-more-than-half-of-entitled-members",
            "admission-vote-needs-more-than-half-of-entitled-members",
            "branch-meeting-vote-needs-more-than-half-of-entitled-members"),
        blocking(
            EXCELLENT_SHARE_EXCEEDED,
            "民主评议优秀比例超过三分之一",
            "《中国共产党支部工作条例（试行）》第十九条：民主评议党员确定评议等次；优秀等次一般不超过参评党员的三分之一（共产党员网指导意见）。",
            ORG,
            "录入评议等次时直接拦截（422），不产生预警：评为优秀的党员不得超过参评党员的三分之一。",
            "org-life-service",
            "excellent-at-most-one-third"),
        blocking(
            TARGET_TRAINING_HOURS_SHORT,
            "发展对象未完成24学时培训",
            "《中国共产党发展党员工作细则》第十七条：对发展对象进行短期集中培训，时间一般不少于3天（或不少于24个学时）。",
            MEMBER,
            "提交支部大会讨论接收预备党员前直接拦截（422），不产生预警：发展对象须完成不少于24学时的集中培训。",
            "member-service",
            "target-needs-24-training-hours"));
  }
}
