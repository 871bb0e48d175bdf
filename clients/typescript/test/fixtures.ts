/**
 * Canned answers of the fake gateway, one builder per response schema. Each builder's return type
 * is the schema, so every answer carries every field the contract requires (nullable ones as
 * `null` where a real server would send null) and cannot drift from the contract; a test passes
 * only what its flow is about as `overrides`.
 */
import type { Schemas } from "../src/index.js";

export const PARENT = "01937c1e-0000-7000-8000-000000000001";
export const ORG = "01937c1e-0000-7000-8000-000000000002";
export const MEMBER = "01937c1e-0000-7000-8000-000000000003";
export const SECRETARY = "01937c1e-0000-7000-8000-000000000004";

/** An instant, as the platform writes `Instant`s (UTC). */
const AT = "2026-11-20T06:30:00Z";

/** 第一党支部, just founded under PARENT: fewer than three full members so far. */
export function orgResponse(overrides: Partial<Schemas["OrgResponse"]> = {}): Schemas["OrgResponse"] {
  return {
    id: ORG,
    parentId: PARENT,
    name: "第一党支部",
    type: "BRANCH",
    typeLabel: "党支部",
    status: "ACTIVE",
    depth: 2,
    path: `/${PARENT}/${ORG}/`,
    dissolvedOn: null,
    structureWarnings: ["fewer-than-three-formal-members"],
    unitType: "COMMUNITY",
    unitTypeLabel: "社区（居委会）",
    affiliation: "TOWNSHIP",
    affiliationLabel: "乡镇、街道",
    createdAt: AT,
    updatedAt: AT,
    version: 0,
    ...overrides,
  };
}

/** 李红, a full member of ORG, as her secretary sees her (birth date shown, ID number masked). */
export function memberResponse(overrides: Partial<Schemas["MemberResponse"]> = {}): Schemas["MemberResponse"] {
  return {
    id: MEMBER,
    orgId: ORG,
    name: "李红",
    gender: "FEMALE",
    birthDate: "1990-05-04",
    birthYear: 1990,
    idNumber: "1****************9",
    phone: null,
    email: null,
    wechatBound: false,
    ethnicity: "汉族",
    education: "大学本科",
    workplace: null,
    stage: "FULL",
    stageLabel: "正式党员",
    joinDate: "2015-07-01",
    fullMemberDate: "2016-07-01",
    partyStandingYears: 10,
    status: "ACTIVE",
    statusLabel: "正常",
    statusSince: null,
    duesCategory: "EMPLOYED",
    occupation: "PROFESSIONAL",
    occupationLabel: "企事业单位、民办非企业单位专业技术人员",
    educationLevel: "UNDERGRADUATE",
    educationLevelLabel: "大学本科",
    post: null,
    createdAt: AT,
    updatedAt: AT,
    version: 0,
    ...overrides,
  };
}

/** MEMBER's dues assessment for 2026: 在职, a 4000 yuan base at 0.5%, 20 yuan a month. */
export function profileResponse(overrides: Partial<Schemas["ProfileResponse"]> = {}): Schemas["ProfileResponse"] {
  return {
    id: "01937c1e-0000-7000-8000-0000000000f1",
    memberId: MEMBER,
    year: 2026,
    effectiveMonth: "2026-01",
    category: "EMPLOYED",
    categoryLabel: "在职",
    baseKind: "MONTHLY_NET_WAGE",
    baseFen: 400000,
    baseWithheld: false,
    ratePercent: 0.5,
    standardFen: 2000,
    hardship: "NONE",
    hardshipFen: null,
    hardshipApprovalId: null,
    hardshipApprovedBy: null,
    hardshipApprovedOn: null,
    hardshipMeeting: null,
    hardshipUntil: null,
    note: null,
    createdBy: "wangfang",
    createdAt: AT,
    updatedAt: AT,
    version: 0,
    ...overrides,
  };
}

/** MEMBER's unpaid bill for 2026-11. */
export function billView(overrides: Partial<Schemas["BillView"]> = {}): Schemas["BillView"] {
  return {
    id: "01937c1e-0000-7000-8000-0000000000b1",
    memberId: MEMBER,
    orgId: ORG,
    month: "2026-11",
    category: "EMPLOYED",
    amountFen: 2000,
    amountYuan: "20.00",
    origin: "MONTHLY",
    issuedAt: "2026-10-31T16:00:00Z",
    status: "UNPAID",
    statusLabel: "未缴",
    paidAt: null,
    paymentId: null,
    ...overrides,
  };
}

/** MEMBER's 2026-11 dues paid in cash, recorded by the branch with a receipt number. */
export function paymentView(overrides: Partial<Schemas["PaymentView"]> = {}): Schemas["PaymentView"] {
  return {
    id: "01937c1e-0000-7000-8000-0000000000a1",
    memberId: MEMBER,
    orgId: ORG,
    channel: "OFFLINE",
    months: ["2026-11"],
    billsFen: 2000,
    extraFen: 0,
    totalFen: 2000,
    totalYuan: "20.00",
    remitToCentre: false,
    status: "PAID",
    statusLabel: "已缴",
    receiptNo: "SJ-2026-0001",
    recordedBy: "wangfang",
    payUrl: null,
    providerOrderId: null,
    expiresAt: null,
    createdAt: AT,
    paidAt: AT,
    reversedAt: null,
    reversedBy: null,
    reversalReason: null,
    payer: "SELF",
    payerName: null,
    method: "DIRECT",
    entrustmentRef: null,
    declaredAs: "DUES",
    collectedByOrgId: null,
    ...overrides,
  };
}

/** One expected attendee of a meeting, before the meeting is recorded. */
export function attendanceView(overrides: Partial<Schemas["AttendanceView"]> = {}): Schemas["AttendanceView"] {
  return {
    memberId: MEMBER,
    expected: true,
    canVote: true,
    excludedFromBase: false,
    present: null,
    absenceReason: null,
    absenceReasonLabel: null,
    note: null,
    ...overrides,
  };
}

/** ORG's committee meeting of November, planned with MEMBER and SECRETARY expected. */
export function meetingView(overrides: Partial<Schemas["MeetingView"]> = {}): Schemas["MeetingView"] {
  return {
    id: "01937c1e-0000-7000-8000-0000000000d1",
    orgId: ORG,
    orgType: "BRANCH",
    type: "COMMITTEE_MEETING",
    typeLabel: "支委会",
    title: "11月支委会",
    startsAt: "2026-11-20T14:30:00+08:00",
    endsAt: "2026-11-20T16:00:00+08:00",
    status: "PLANNED",
    statusLabel: "已计划",
    place: null,
    agenda: null,
    notice: null,
    theme: null,
    topic: null,
    lecturer: null,
    trainingHours: null,
    plannedBy: "wangfang",
    expectedCount: 2,
    votingEntitled: 2,
    actualCount: 0,
    attendance: [attendanceView({ memberId: MEMBER }), attendanceView({ memberId: SECRETARY })],
    heldOn: null,
    hostMemberId: null,
    recorderMemberId: null,
    minutes: null,
    resolutions: [],
    flags: [],
    recordVersion: 0,
    recordedBy: null,
    firstRecordedAt: null,
    submittedAt: null,
    submittedBy: null,
    reviewedAt: null,
    reviewedBy: null,
    reviewComment: null,
    hostedMobileMemberIds: [],
    version: 0,
    ...overrides,
  };
}

/** The 2026 annual assessment of PARENT's subtree, open for scoring. */
export function cycle(overrides: Partial<Schemas["Cycle"]> = {}): Schemas["Cycle"] {
  return {
    id: "01937c1e-0000-7000-8000-0000000000c1",
    name: "2026年度支部考核",
    kind: "ANNUAL",
    year: 2026,
    quarter: 0,
    periodFrom: "2026-01-01",
    periodTo: "2026-12-31",
    rootOrgId: PARENT,
    indicatorVersionId: "01937c1e-0000-7000-8000-0000000000b3",
    status: "OPEN",
    peerGroupBy: "ORG_TYPE",
    bottomPercent: 5,
    indicatorShare: 0.7,
    ballotShare: 0.3,
    publicationNo: 0,
    orgCount: 12,
    version: 0,
    ...overrides,
  };
}

/** A manually scored indicator of a cycle. */
export function scoreView(overrides: Partial<Schemas["ScoreView"]> = {}): Schemas["ScoreView"] {
  return {
    indicatorId: "01937c1e-0000-7000-8000-0000000000b2",
    code: "2.1",
    name: "组织生活",
    kind: "BASE",
    weight: 10,
    method: "MANUAL",
    scorer: "DEPARTMENT",
    points: 8.5,
    evidence: "会议记录3份",
    origin: null,
    scoredBy: "zhaolei",
    ...overrides,
  };
}

/** MEMBER has missed her branch's organisational life since August. */
export function alertResponse(overrides: Partial<Schemas["AlertResponse"]> = {}): Schemas["AlertResponse"] {
  return {
    id: "01937c1e-0000-7000-8000-0000000000e1",
    ruleId: "MEMBER_ABSENT_ORG_LIFE",
    ruleName: "党员连续未参加组织生活",
    basis: "《中国共产党支部工作条例（试行）》第十四条",
    subjectType: "MEMBER",
    subjectId: MEMBER,
    orgId: ORG,
    assigneeOrgId: ORG,
    periodKey: "since:2026-08-01",
    severity: "WARNING",
    severityLabel: "预警",
    status: "OPEN",
    statusLabel: "待处理",
    title: "连续4个月未参加组织生活",
    suggestion: "支部书记与该党员谈心谈话，了解原因并督促其参加组织生活。",
    evidence: [{ kind: "ATTENDANCE", ref: MEMBER, text: "自2026-08-01起缺席组织生活4次，截至2026-11-20" }],
    deadline: "2026-12-31",
    overdue: false,
    raisedOn: "2026-11-20",
    raisedAt: AT,
    updatedAt: AT,
    endedAt: null,
    resolution: null,
    escalationLevel: 0,
    version: 3,
    ...overrides,
  };
}
