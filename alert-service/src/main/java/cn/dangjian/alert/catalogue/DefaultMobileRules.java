package cn.dangjian.alert.catalogue;

import static cn.dangjian.alert.catalogue.Evaluation.DUE_DATE;
import static cn.dangjian.alert.catalogue.Evaluation.DURATION;
import static cn.dangjian.alert.catalogue.RuleCatalogue.MOBILE_AWAY_NO_TRANSFER;
import static cn.dangjian.alert.catalogue.RuleCatalogue.MOBILE_CERTIFICATE_EXPIRING;
import static cn.dangjian.alert.catalogue.RuleCatalogue.MOBILE_REPORT_DUE;
import static cn.dangjian.alert.catalogue.RuleDefinition.rule;
import static cn.dangjian.alert.catalogue.SubjectType.MEMBER;

import java.util.List;

/** The national defaults of the 流动党员 rules, apart from the main table to keep both readable. */
final class DefaultMobileRules {

  private DefaultMobileRules() {}

  /** 流动党员 (DOMAIN §2.4): the 活动证's limits and the transfer it may not replace. */
  static List<RuleDefinition> all() {
    return List.of(
        rule(
            MOBILE_AWAY_NO_TRANSFER,
            "外出满6个月且地点相对固定未转接组织关系",
            "《中国共产党党员教育管理工作条例》第二十五条：党员外出学习、工作、生活6个月以上并且地点相对固定的，应当将组织关系转接到所在地党组织。",
            MEMBER,
            DURATION,
            "月",
            "5,6,12",
            "流动党员外出已{months}个月，应转接组织关系",
            "该党员（{memberId}）自{awaySince}起在相对固定地点外出，已{months}个月（{hostText}）。"
                + "依据《党员教育管理工作条例》第二十五条，外出6个月以上并且地点相对固定的，应当转接组织关系。"
                + "请支部于{deadline}前与其联系，办理组织关系转接（转至流入地党组织）；确因特殊原因无法转接的，应在活动证中写明原因，"
                + "继续通过流入地党组织加强教育管理，并督促其每年向党支部报告情况。",
            "组织关系已转接或党员已返回，预警自动解除。",
            30),
        rule(
            MOBILE_CERTIFICATE_EXPIRING,
            "流动党员活动证到期",
            "中组部《关于加强和改进流动党员管理工作的意见》：《流动党员活动证》由流出地党组织发放、定期查验，党员返回后收回。",
            MEMBER,
            DUE_DATE,
            "天（相对期限）",
            "-30,1,30",
            "流动党员活动证于{due}到期",
            "该党员（{memberId}）的《流动党员活动证》有效期至{due}。请党支部于{deadline}前与其联系："
                + "仍在外的，核实外出情况后办理续期（外出6个月以上且地点相对固定的，应转接组织关系）；已返回的，收回活动证。",
            "活动证已续期或收回，预警自动解除。",
            15),
        rule(
            MOBILE_REPORT_DUE,
            "流动党员未按期向原党组织报告",
            "中组部《关于加强和改进流动党员管理工作的意见》：流动党员应当定期向流出地党组织报告外出期间的情况（实践中每年至少一次）。",
            MEMBER,
            DUE_DATE,
            "天（相对期限）",
            "-30,1,60",
            "流动党员年度报告期限{due}",
            "该党员（{memberId}）应于{due}前向党支部报告外出期间的思想、工作、学习和参加组织生活、交纳党费情况（上次报告：{lastReported}）。"
                + "请党支部于{deadline}前提醒其通过系统或书面报告，并听取流入地党组织意见。",
            "已收到报告（{reportedOn}），预警自动解除。",
            30));
  }
}
