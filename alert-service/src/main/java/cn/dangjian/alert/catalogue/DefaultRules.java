package cn.dangjian.alert.catalogue;

import static cn.dangjian.alert.catalogue.Evaluation.DUE_DATE;
import static cn.dangjian.alert.catalogue.Evaluation.DURATION;
import static cn.dangjian.alert.catalogue.Evaluation.ON_EVENT;
import static cn.dangjian.alert.catalogue.Evaluation.PERIOD_END;
import static cn.dangjian.alert.catalogue.RuleCatalogue.ACCOUNTABILITY_TALK;
import static cn.dangjian.alert.catalogue.RuleCatalogue.ACTIVIST_ELIGIBLE;
import static cn.dangjian.alert.catalogue.RuleCatalogue.ADMISSION_APPROVAL_PENDING;
import static cn.dangjian.alert.catalogue.RuleCatalogue.APPLICATION_TALK_DUE;
import static cn.dangjian.alert.catalogue.RuleCatalogue.APPROVAL_OVERDUE;
import static cn.dangjian.alert.catalogue.RuleCatalogue.COMMITTEE_TERM_EXPIRING;
import static cn.dangjian.alert.catalogue.RuleCatalogue.CONVERSION_APPROVAL_PENDING;
import static cn.dangjian.alert.catalogue.RuleCatalogue.CORRECTION_PERIOD_ENDING;
import static cn.dangjian.alert.catalogue.RuleCatalogue.DISCIPLINE_PROBATION_ENDING;
import static cn.dangjian.alert.catalogue.RuleCatalogue.DUES_ARREARS;
import static cn.dangjian.alert.catalogue.RuleCatalogue.ELECTION_INVALID;
import static cn.dangjian.alert.catalogue.RuleCatalogue.LOST_CONTACT;
import static cn.dangjian.alert.catalogue.RuleCatalogue.MEMBER_ABSENT_ORG_LIFE;
import static cn.dangjian.alert.catalogue.RuleCatalogue.MEMBER_TRAINING_SHORT;
import static cn.dangjian.alert.catalogue.RuleCatalogue.NO_BRANCH_GENERAL_MEETING;
import static cn.dangjian.alert.catalogue.RuleCatalogue.NO_COMMITTEE_MEETING;
import static cn.dangjian.alert.catalogue.RuleCatalogue.NO_DEMOCRATIC_APPRAISAL;
import static cn.dangjian.alert.catalogue.RuleCatalogue.NO_GROUP_MEETING;
import static cn.dangjian.alert.catalogue.RuleCatalogue.NO_ORG_LIFE_MEETING;
import static cn.dangjian.alert.catalogue.RuleCatalogue.NO_THEMED_PARTY_DAY;
import static cn.dangjian.alert.catalogue.RuleCatalogue.PROBATION_ENDING;
import static cn.dangjian.alert.catalogue.RuleCatalogue.RECORD_FLAGGED;
import static cn.dangjian.alert.catalogue.RuleCatalogue.SECRETARY_TRAINING_SHORT;
import static cn.dangjian.alert.catalogue.RuleCatalogue.SECRETARY_VACANT;
import static cn.dangjian.alert.catalogue.RuleCatalogue.STRUCTURE_WARNING;
import static cn.dangjian.alert.catalogue.RuleCatalogue.TRANSFER_NOT_RECEIVED;
import static cn.dangjian.alert.catalogue.RuleDefinition.rule;
import static cn.dangjian.alert.catalogue.SubjectType.MEMBER;
import static cn.dangjian.alert.catalogue.SubjectType.ORG;

import java.util.ArrayList;
import java.util.List;

/**
 * The national defaults of every rule, as {@link RuleCatalogue} starts from them before the
 * configured overrides: the table is data, kept apart from the catalogue's lookup and merging.
 */
final class DefaultRules {

  private DefaultRules() {}

  static List<RuleDefinition> all() {
    List<RuleDefinition> all = new ArrayList<>();
    all.add(
        rule(
            MEMBER_ABSENT_ORG_LIFE,
            "党员连续未参加组织生活",
            "《中国共产党章程》第九条：党员没有正当理由，连续六个月不参加党的组织生活，或不交纳党费，或不做党所分配的工作，就被认为是自行脱党。",
            MEMBER,
            DURATION,
            "月",
            "3,5,6",
            "党员已连续{months}个月未参加组织生活",
            "该党员（{memberId}）自{absentSince}起已连续{months}个月未参加党的组织生活（期间缺席{missed}次，最近一次参加：{lastAttended}）。"
                + "依据《中国共产党章程》第九条，没有正当理由连续六个月不参加党的组织生活的，视为自行脱党。"
                + "请支部书记于{deadline}前与其谈心谈话，了解原因、讲明规定，督促其参加下一次组织生活并如实记录；"
                + "确有困难的，按规定请假，外出的可持《流动党员活动证》参加所在地党组织的组织生活。",
            "该党员已于{attendedOn}参加组织生活，预警自动解除。",
            15));
    all.add(
        rule(
            DUES_ARREARS,
            "党员连续未交纳党费",
            "《关于中国共产党党费收缴、使用和管理的规定》第十二、十三条；《中国共产党章程》第九条：连续六个月不交纳党费的，视为自行脱党。",
            MEMBER,
            ON_EVENT,
            "月",
            "3,5,6",
            "党员已连续{months}个月未交纳党费",
            "该党员（{memberId}）自{sinceMonth}起已连续{months}个月未交纳党费，欠缴{outstanding}元。"
                + "依据党费规定第十二条，党员应按月交纳党费，补交最长不超过6个月；连续六个月不交纳党费的，视为自行脱党。"
                + "请支部于{deadline}前提醒该党员按月交纳并补交欠缴党费，了解是否存在困难；确有困难的，经支部讨论、报上一级党委批准后可减免。",
            "该党员已交纳党费，欠缴月数降为{months}，预警自动解除。",
            15));
    all.add(
        rule(
            NO_COMMITTEE_MEETING,
            "支委会未按月召开",
            "《中国共产党支部工作条例（试行）》第十二条：支部委员会会议一般每月召开1次。",
            ORG,
            PERIOD_END,
            "连续未召开月数",
            "-,1,2",
            "{period}未召开支委会",
            "本支部{period}未召开支部委员会会议（已连续{count}个月）。依据《支部工作条例》第十二条，支委会一般每月召开1次。"
                + "请于{deadline}前召开支委会，研究本月党建工作，并在系统中如实录入会议记录（时间、地点、主持人、应到实到、议题和决议）。",
            "已录入{period}的支委会记录，预警自动解除。",
            10));
    all.add(
        rule(
            NO_BRANCH_GENERAL_MEETING,
            "支部党员大会未按季度召开",
            "《中国共产党支部工作条例（试行）》第十一条：支部党员大会一般每季度召开1次。",
            ORG,
            PERIOD_END,
            "连续未召开季度数",
            "-,1,2",
            "{period}未召开支部党员大会",
            "本支部{period}未召开支部党员大会（已连续{count}个季度）。依据《支部工作条例》第十一条，支部党员大会一般每季度召开1次。"
                + "请于{deadline}前召开支部党员大会，并如实录入会议记录和表决情况。",
            "已录入{period}的支部党员大会记录，预警自动解除。",
            15));
    all.add(
        rule(
            NO_GROUP_MEETING,
            "党小组会未按月召开",
            "《中国共产党支部工作条例（试行）》第十三条：党小组会一般每月召开1次。",
            ORG,
            PERIOD_END,
            "连续未召开月数",
            "-,1,2",
            "{period}未召开党小组会",
            "本党小组{period}未召开党小组会（已连续{count}个月）。依据《支部工作条例》第十三条，党小组会一般每月召开1次。"
                + "请党小组组长于{deadline}前召开党小组会并录入记录。",
            "已录入{period}的党小组会记录，预警自动解除。",
            10));
    all.add(
        rule(
            NO_THEMED_PARTY_DAY,
            "主题党日未按月开展",
            "《中国共产党支部工作条例（试行）》第十六条：党支部每月相对固定1天开展主题党日。",
            ORG,
            PERIOD_END,
            "连续未开展月数",
            "-,1,2",
            "{period}未开展主题党日",
            "本支部{period}未开展主题党日活动（已连续{count}个月）。依据《支部工作条例》第十六条，党支部应每月相对固定1天开展主题党日。"
                + "请于{deadline}前组织开展主题党日并录入活动主题和参加情况。",
            "已录入{period}的主题党日记录，预警自动解除。",
            10));
    all.add(
        rule(
            NO_ORG_LIFE_MEETING,
            "年度组织生活会未召开",
            "《中国共产党支部工作条例（试行）》第十七条：党支部每年至少召开1次组织生活会，一般安排在第四季度。",
            ORG,
            PERIOD_END,
            "天（相对年末）",
            "-91,-,0",
            "{year}年尚未召开组织生活会",
            "本支部{year}年尚未召开组织生活会。依据《支部工作条例》第十七条，党支部每年至少召开1次组织生活会，一般安排在第四季度。"
                + "请于{deadline}前制定方案，开展谈心谈话，召开组织生活会并录入记录。",
            "已录入{year}年组织生活会记录，预警自动解除。",
            30));
    all.add(
        rule(
            NO_DEMOCRATIC_APPRAISAL,
            "年度民主评议党员未开展",
            "《中国共产党支部工作条例（试行）》第十八、十九条：党支部一般每年开展1次民主评议党员。",
            ORG,
            PERIOD_END,
            "天（相对年末）",
            "-91,-,0",
            "{year}年尚未开展民主评议党员",
            "本支部{year}年尚未开展民主评议党员。依据《支部工作条例》第十八、十九条，一般每年开展1次，可结合组织生活会进行。"
                + "请于{deadline}前组织个人自评、党员互评、民主测评并确定评议等次。",
            "已录入{year}年民主评议党员记录，预警自动解除。",
            30));
    all.add(
        rule(
            MEMBER_TRAINING_SHORT,
            "党员年度学习培训学时不足",
            "中办《2019—2023年全国党员教育培训工作规划》：党员每年集中学习培训一般不少于32学时。",
            MEMBER,
            DUE_DATE,
            "天（相对年末）",
            "-91,-,0",
            "党员{year}年培训学时不足（{hours}/{required}学时）",
            "该党员（{memberId}）{year}年已完成学习培训{hours}学时，距年度要求{required}学时还差{missing}学时。"
                + "请于{deadline}前安排其参加党课、集中培训或微党课学习，补足学时。",
            "该党员{year}年培训已达{hours}学时，预警自动解除。",
            30));
    all.add(
        rule(
            SECRETARY_TRAINING_SHORT,
            "支部书记年度培训学时不足",
            "中办《2019—2023年全国党员教育培训工作规划》：基层党组织书记和班子成员每年集中学习培训不少于56学时。",
            MEMBER,
            DUE_DATE,
            "天（相对年末）",
            "-91,-,0",
            "支部书记{year}年培训学时不足（{hours}/{required}学时）",
            "本支部书记（{memberId}）{year}年已完成培训{hours}学时，距年度要求{required}学时还差{missing}学时。"
                + "请于{deadline}前参加集中轮训或补足学时。",
            "书记{year}年培训已达{hours}学时，预警自动解除。",
            30));
    all.add(
        rule(
            APPLICATION_TALK_DUE,
            "入党申请后未按期派人谈话",
            "《中国共产党发展党员工作细则》第七条：党组织收到入党申请书后，应当在一个月内派人同入党申请人谈话。",
            MEMBER,
            DUE_DATE,
            "天（相对期限）",
            "-5,0,1",
            "入党申请人谈话期限{due}",
            "入党申请人（{memberId}）的谈话应于{due}前完成（申请后一个月内）。依据《发展党员工作细则》第七条，"
                + "请党组织于{deadline}前派人同其谈话，了解基本情况并录入“党组织派人谈话”步骤。"
                + "如已超过期限，不得倒填日期：请如实填写实际谈话日期并说明逾期原因，提请基层党委批准后补录（逾期补录），"
                + "批准后预警自动解除。",
            "已录入谈话（{stepOn}），预警自动解除。",
            5));
    all.add(
        rule(
            ACTIVIST_ELIGIBLE,
            "入党积极分子培养满一年",
            "《中国共产党发展党员工作细则》第十一条：经过一年以上培养教育和考察的入党积极分子，可列为发展对象。",
            MEMBER,
            DUE_DATE,
            "天（相对期限）",
            "0,-,-",
            "入党积极分子培养已满一年",
            "入党积极分子（{memberId}）培养教育已满一年（{due}）。请支委会于{deadline}前听取党小组、培养联系人、党员和群众意见，研究是否列为发展对象。",
            "已录入下一步（{stepOn}），提示自动解除。",
            30));
    all.add(
        rule(
            ADMISSION_APPROVAL_PENDING,
            "支部大会通过后上级党委审批逾期",
            "《中国共产党发展党员工作细则》第二十五条：上级党委应当在三个月内审批，特殊情况可延长至六个月。",
            MEMBER,
            DUE_DATE,
            "天（相对期限）",
            "-30,0,90",
            "接收预备党员审批期限{due}",
            "支部大会已通过接收（{memberId}）为预备党员，上级党委应于{due}前审批。请支部于{deadline}前向上级党委报告并跟进审批，超过六个月未审批的须重新履行程序。",
            "上级党委已审批（{stepOn}），预警自动解除。",
            10));
    all.add(
        rule(
            PROBATION_ENDING,
            "预备期届满未讨论转正",
            "《中国共产党章程》第七条；《发展党员工作细则》第三十二条：预备期满，党支部应当及时讨论能否转为正式党员。",
            MEMBER,
            DUE_DATE,
            "天（相对期限）",
            "-30,0,30",
            "预备党员预备期于{due}届满",
            "预备党员（{memberId}）的预备期于{due}届满。请支部提醒其提出书面转正申请，并于{deadline}前召开支部党员大会讨论转正（转正、延长预备期或取消预备党员资格）。",
            "已录入转正讨论（{stepOn}），预警自动解除。",
            15));
    all.add(
        rule(
            CONVERSION_APPROVAL_PENDING,
            "转正审批逾期",
            "《中国共产党发展党员工作细则》第三十五条：上级党委应当在三个月内审批预备党员转正。",
            MEMBER,
            DUE_DATE,
            "天（相对期限）",
            "-,0,90",
            "预备党员转正审批期限{due}",
            "支部大会已讨论（{memberId}）转正，上级党委应于{due}前审批。请于{deadline}前跟进审批。",
            "转正已审批（{stepOn}），预警自动解除。",
            10));
    all.add(
        rule(
            COMMITTEE_TERM_EXPIRING,
            "党组织任期届满换届",
            "中办《关于党的基层组织任期的意见》；《中国共产党基层组织选举工作条例》第三条：任期届满应按期换届，延期或提前换届须经上级批准，一般不超过一年。",
            ORG,
            DUE_DATE,
            "天（相对期限）",
            "-183,-30,1",
            "支部委员会任期{due}届满",
            "本组织委员会任期于{due}届满（{overdueText}）。请于{deadline}前向上级党组织书面请示换届，经批复后做好候选人推荐、党员大会选举等工作；确需延期的须报上级批准，延期不超过一年。",
            "已完成换届或批准延期，新任期至{newDue}，预警自动解除。",
            30));
    all.add(
        rule(
            SECRETARY_VACANT,
            "党组织书记职位空缺",
            "《中国共产党支部工作条例（试行）》第二十三条；书记长期空缺是软弱涣散党组织的情形之一。",
            ORG,
            DURATION,
            "月",
            "-,1,3",
            "书记职位已空缺{months}个月",
            "本组织书记职位自{vacantSince}起空缺，已{months}个月。书记空缺超过三个月的，属于软弱涣散党组织排查情形。"
                + "请于{deadline}前按程序选举或由上级党组织选派书记，并报上级党组织批准。",
            "书记职位已补齐，预警自动解除。",
            30));
    all.add(
        rule(
            STRUCTURE_WARNING,
            "组织设置不符合规定",
            "《中国共产党章程》第三十条；《中国共产党支部工作条例（试行）》第四条、第六章。",
            ORG,
            ON_EVENT,
            "情形",
            "0,1,-",
            "组织设置：{warningText}",
            "本组织{warningText}（正式党员{formalMembers}名，党员{members}名）。依据《支部工作条例》：{ruleText}"
                + "请于{deadline}前研究调整组织设置，报上级党组织批准。",
            "组织设置情形已消除，预警自动解除。",
            60));
    all.add(
        rule(
            LOST_CONTACT,
            "党员失去联系",
            "《中国共产党党员教育管理工作条例》第二十四条：失去联系满6个月的党员，经多方寻找仍无音讯的，应当停止其党籍；停止党籍2年后仍无音讯的，按自行脱党处理。",
            MEMBER,
            DURATION,
            "月",
            "3,6,24",
            "党员已失联{months}个月",
            "该党员（{memberId}）自{since}起失去联系，已{months}个月。请支部于{deadline}前通过家属、工作单位、户籍地等多方寻找并记录；"
                + "失联满6个月仍无音讯的，按程序停止党籍；停止党籍满2年仍无音讯的，按自行脱党除名。",
            "已恢复联系，预警自动解除。",
            30));
    all.add(
        rule(
            CORRECTION_PERIOD_ENDING,
            "限期改正期满",
            "中办《不合格党员组织处置办法》：限期改正期一般为6个月，最长不超过1年。",
            MEMBER,
            DUE_DATE,
            "天（相对期限）",
            "-15,0,30",
            "限期改正于{due}期满",
            "该党员（{memberId}）的限期改正期于{due}期满。请支委会于{deadline}前对其改正情况进行评议：已改正的，解除限期改正；经教育仍无转变的，按程序劝其退党或除名。",
            "限期改正已解除，预警自动解除。",
            15));
    all.add(
        rule(
            DISCIPLINE_PROBATION_ENDING,
            "留党察看期满",
            "《中国共产党纪律处分条例》：留党察看期满后，确已改正错误的应当恢复其党员权利；坚持不改或者又发现其他应当受到党纪处分的违纪行为的，应当开除党籍。",
            MEMBER,
            DUE_DATE,
            "天（相对期限）",
            "-30,0,30",
            "留党察看于{due}期满",
            "该党员（{memberId}）的留党察看期于{due}期满。请于{deadline}前由党支部讨论并报上级党组织，作出恢复党员权利或开除党籍的决定。",
            "留党察看已处理，预警自动解除。",
            15));
    all.add(
        rule(
            TRANSFER_NOT_RECEIVED,
            "组织关系介绍信逾期未接收",
            "中组部《关于进一步加强党员组织关系管理的意见》：转出党组织在党员组织关系被接收前负责管理。",
            MEMBER,
            DUE_DATE,
            "天（相对有效期）",
            "-,1,90",
            "组织关系介绍信已过有效期（{validUntil}）",
            "该党员（{memberId}）的组织关系介绍信于{validUntil}过期，仍未被接收（开具于{since}）。转出党组织在接收前仍负管理责任。"
                + "请于{deadline}前联系接收党组织和党员本人查明原因，必要时重新开具介绍信；超过6个月未转接且不参加组织生活的，按规定处理。",
            "组织关系已接收或转接已结束，预警自动解除。",
            15));
    all.add(
        rule(
            RECORD_FLAGGED,
            "组织生活记录疑似形式主义",
            "中央关于整治形式主义为基层减负的要求；《中国共产党支部工作条例（试行）》第四章：组织生活要防止表面化、形式化。",
            ORG,
            ON_EVENT,
            "情形",
            "-,0,-",
            "组织生活记录疑似{kindText}",
            "本组织{heldOn}的{meetingTypeText}记录经系统比对：{evidence}。请于{deadline}前核实该记录是否真实反映会议情况；"
                + "确属照抄照搬或补记的，应如实更正记录，并在下次组织生活中认真组织。",
            "该记录已核实更正，预警自动解除。",
            10));
    all.add(
        rule(
            ACCOUNTABILITY_TALK,
            "考核排名连续靠后：提醒谈话并限期整改",
            "中组部《党委（党组）书记抓基层党建工作述职评议考核办法（试行）》；《中国共产党党内监督条例》第二十一条：发现苗头性、倾向性问题及时提醒谈话。",
            ORG,
            ON_EVENT,
            "年",
            "-,-,2",
            "书记抓党建考核连续{years}年排名靠后",
            "本组织书记抓基层党建考核连续{years}年排在后{band}（{detail}）。请上级党组织负责人于{talkBy}前进行提醒谈话，"
                + "本组织于{deadline}前制定整改方案并报上级党组织，逐项整改销号。",
            "整改已验收销号，预警解除。",
            90));
    all.add(
        rule(
            APPROVAL_OVERDUE,
            "上级审批事项逾期未决定",
            "《中国共产党发展党员工作细则》第二十五条：上级党委应当在三个月内审批；《中国共产党章程》第九条、第四十二条；"
                + "党籍处置、换届选举等事项须经上级党组织批准，不得久拖不决。",
            ORG,
            DUE_DATE,
            "天（逾期）",
            "-,1,30",
            "待审批：{summary}（已逾期{days}天）",
            "支部于{requestedOn}提请的“{summary}”应由{body}于{due}前作出决定，现已逾期{days}天。"
                + "请{body}于{deadline}前集体研究，作出批准、退回补充或不予批准的决定，并在系统中办理（“待我审批”）；"
                + "确需延长的，应说明理由并告知提请的党组织。",
            "该事项已作出决定或已撤回，预警自动解除。",
            10));
    all.add(
        rule(
            ELECTION_INVALID,
            "换届选举无效",
            "《中国共产党基层组织选举工作条例》：有选举权的到会人数超过应到会人数的五分之四，会议有效；收回的选票多于投票人数的，选举无效；实行差额选举，候选人数应多于应选人数的20%。",
            ORG,
            ON_EVENT,
            "情形",
            "-,-,0",
            "换届选举无效：{ruleShort}",
            "本组织{heldOn}召开党员大会进行换届选举，{evidence}。"
                + "依据《中国共产党基层组织选举工作条例》，{ruleText}，本次选举无效，新一届委员会不能产生。"
                + "请于{deadline}前重新组织选举：向上级党组织报告情况，做好党员通知和请假审批，"
                + "确保有选举权的到会人数超过应到会人数的五分之四，按经批准的候选人名单（差额不少于20%）重新投票，并如实录入选举结果报上级党组织批准。",
            "{resolution}，预警自动解除。",
            30));
    all.addAll(DefaultMobileRules.all());
    all.addAll(DefaultRulesSection7.all());
    return all;
  }
}
