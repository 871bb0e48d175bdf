/**
 * The main flow of each service through the generated client, against a fake gateway: what a
 * front end writes, with no casts. Each canned answer `satisfies` its schema, so the fake cannot
 * drift from the contract either.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { createDangjianClient, etagOf, newIdempotencyKey, type Schemas } from "../src/index.js";
import { FakeApi, json } from "./fake-api.js";

const BASE = "http://gateway.test";
const TOKEN = "eyJhbGciOiJSUzI1NiJ9.fake.token";
const PARENT = "01937c1e-0000-7000-8000-000000000001";
const ORG = "01937c1e-0000-7000-8000-000000000002";
const MEMBER = "01937c1e-0000-7000-8000-000000000003";
const SECRETARY = "01937c1e-0000-7000-8000-000000000004";

function clientOf(fake: FakeApi) {
  return createDangjianClient({ baseUrl: BASE, token: () => TOKEN, language: "zh", fetch: fake.fetch });
}

test("members: create an org and a member, list members sorted and paged", async () => {
  const member = {
    id: MEMBER,
    orgId: ORG,
    name: "李红",
    gender: "FEMALE",
    stage: "FULL",
    status: "ACTIVE",
    duesCategory: "EMPLOYED",
    idNumber: "1101**********123X",
    version: 0,
  } satisfies Schemas["MemberResponse"];
  const fake = new FakeApi()
    .on("POST", "/api/orgs", () =>
      json(
        201,
        { id: ORG, parentId: PARENT, name: "第一党支部", type: "BRANCH", status: "ACTIVE", version: 0 } satisfies Schemas["OrgResponse"],
        { ETag: '"0"', Location: `/api/orgs/${ORG}` },
      ),
    )
    .on("POST", "/api/members", () => json(201, member, { ETag: '"0"', Location: `/api/members/${MEMBER}` }))
    .on("GET", "/api/members", () =>
      json(200, { items: [member], page: 1, size: 1, total: 2, totalPages: 2 } satisfies Schemas["PageResponseMemberResponse"]),
    );
  const client = clientOf(fake);

  const created = await client.POST("/api/orgs", {
    body: { name: "第一党支部", type: "BRANCH", parentId: PARENT },
  });
  assert.equal(created.response.status, 201);
  assert.ok(created.data);
  // OrgResponse.id is not `required` in the contract yet: narrowed, not cast
  const orgId = created.data.id;
  assert.ok(orgId);

  const registered = await client.POST("/api/members", {
    params: { header: { "Idempotency-Key": newIdempotencyKey() } },
    body: {
      orgId,
      name: "李红",
      gender: "FEMALE",
      birthDate: "1990-05-04",
      idNumber: "110101199005041234",
      stage: "FULL",
      duesCategory: "EMPLOYED",
      joinDate: "2015-07-01",
    },
  });
  assert.equal(registered.data?.name, "李红");
  assert.equal(etagOf(registered.response), '"0"');

  const page = await client.GET("/api/members", {
    params: { query: { orgId, sort: ["-joinDate", "name"], page: 1, size: 1 } },
  });
  assert.ok(page.data);
  assert.equal(page.data.total, 2);
  assert.equal(page.data.items?.[0]?.id, MEMBER);

  const list = fake.last("GET", "/api/members");
  assert.deepEqual(list.query.getAll("sort"), ["-joinDate", "name"]);
  assert.equal(list.query.get("page"), "1");
  assert.equal(list.query.get("size"), "1");
  assert.equal(list.headers.get("Authorization"), `Bearer ${TOKEN}`);
  assert.equal(list.headers.get("Accept-Language"), "zh");
});

test("dues: a profile, the month's bills and a payment made once with an Idempotency-Key", async () => {
  const payment = {
    id: "01937c1e-0000-7000-8000-0000000000a1",
    memberId: MEMBER,
    channel: "OFFLINE",
    months: ["2026-11"],
    billsFen: 2000,
    totalFen: 2000,
    totalYuan: "20.00",
    status: "PAID",
    receiptNo: "SJ-2026-0001",
  } satisfies Schemas["PaymentView"];
  const fake = new FakeApi()
    .on("POST", "/api/dues/profiles", () =>
      json(
        201,
        { id: "01937c1e-0000-7000-8000-0000000000f1", memberId: MEMBER, category: "EMPLOYED", baseFen: 400000, ratePercent: 0.5, standardFen: 2000, effectiveMonth: "2026-01", version: 0 } satisfies Schemas["ProfileResponse"],
        { ETag: '"0"' },
      ),
    )
    .on("GET", "/api/dues/bills", () =>
      json(200, {
        items: [{ id: "01937c1e-0000-7000-8000-0000000000b1", memberId: MEMBER, month: "2026-11", amountFen: 2000, status: "UNPAID" }],
        page: 0,
        size: 20,
        total: 1,
        totalPages: 1,
      } satisfies Schemas["PageResponseBillView"]),
    )
    .on("POST", "/api/dues/payments", (call) =>
      json(201, payment, call.headers.get("Idempotency-Key") === "retry-key" ? { "Idempotency-Replayed": "true" } : {}),
    );
  const client = clientOf(fake);

  const profile = await client.POST("/api/dues/profiles", {
    body: { memberId: MEMBER, effectiveMonth: "2026-01", category: "EMPLOYED", baseFen: 400000 },
  });
  assert.equal(profile.data?.standardFen, 2000);

  const bills = await client.GET("/api/dues/bills", { params: { query: { memberId: MEMBER, status: "UNPAID" } } });
  const bill = bills.data?.items?.[0];
  assert.ok(bill?.month);

  // the key is required by the contract: a payment without one does not compile
  const key = newIdempotencyKey();
  const paid = await client.POST("/api/dues/payments", {
    params: { header: { "Idempotency-Key": key } },
    body: { memberId: MEMBER, months: [bill.month], channel: "OFFLINE", receiptNo: "SJ-2026-0001" },
  });
  assert.equal(paid.response.status, 201);
  assert.equal(paid.data?.status, "PAID");
  assert.equal(fake.last("POST", "/api/dues/payments").headers.get("Idempotency-Key"), key);

  // a retry after a lost answer sends the same key: the server answers the stored payment again
  const retried = await client.POST("/api/dues/payments", {
    params: { header: { "Idempotency-Key": "retry-key" } },
    body: { memberId: MEMBER, months: [bill.month], channel: "OFFLINE", receiptNo: "SJ-2026-0001" },
  });
  assert.equal(retried.response.headers.get("Idempotency-Replayed"), "true");
  assert.equal(retried.data?.id, paid.data.id);
});

test("org-life: plan a meeting, then record it with If-Match", async () => {
  const planned = {
    id: "01937c1e-0000-7000-8000-0000000000d1",
    orgId: ORG,
    type: "COMMITTEE_MEETING",
    title: "11月支委会",
    startsAt: "2026-11-20T14:30:00",
    endsAt: "2026-11-20T16:00:00",
    status: "PLANNED",
    version: 0,
  } satisfies Schemas["MeetingView"];
  const fake = new FakeApi()
    .on("POST", "/api/org-life/meetings", () => json(201, planned, { ETag: '"0"' }))
    .on("PUT", "/api/org-life/meetings/{id}/record", (call) =>
      call.headers.get("If-Match") === '"0"'
        ? json(200, { ...planned, status: "HELD", actualCount: 1, version: 1 } satisfies Schemas["MeetingView"], { ETag: '"1"' })
        : json(412, { type: "https://dangjian.cn/problems/stale-version", title: "Precondition Failed", status: 412, detail: "版本已过期" }),
    );
  const client = clientOf(fake);

  const plan = await client.POST("/api/org-life/meetings", {
    body: {
      orgId: ORG,
      type: "COMMITTEE_MEETING",
      title: "11月支委会",
      startsAt: "2026-11-20T14:30:00",
      endsAt: "2026-11-20T16:00:00",
      expectedMemberIds: [MEMBER, SECRETARY],
    },
  });
  assert.ok(plan.data?.id);
  const meetingId = plan.data.id;

  const recorded = await client.PUT("/api/org-life/meetings/{id}/record", {
    params: { path: { id: meetingId }, header: { "If-Match": etagOf(plan.response) } },
    body: {
      title: "11月支委会",
      startsAt: "2026-11-20T14:30:00",
      endsAt: "2026-11-20T16:00:00",
      place: "党员活动室",
      hostMemberId: SECRETARY,
      recorderMemberId: SECRETARY,
      attendees: [SECRETARY],
      absentees: [{ memberId: MEMBER, reason: "ILLNESS" }],
      minutes: "传达学习上级文件精神，研究发展党员工作。",
    },
  });
  assert.equal(recorded.data?.status, "HELD");
  assert.equal(etagOf(recorded.response), '"1"');
  assert.equal(fake.last("PUT", `/api/org-life/meetings/${meetingId}/record`).headers.get("If-Match"), '"0"');
});

test("assessment: open a cycle and score an indicator", async () => {
  const cycleId = "01937c1e-0000-7000-8000-0000000000c1";
  const indicatorId = "01937c1e-0000-7000-8000-0000000000b2";
  const fake = new FakeApi()
    .on("POST", "/api/assessments/cycles", () =>
      json(
        201,
        { id: cycleId, name: "2026年度支部考核", kind: "ANNUAL", year: 2026, rootOrgId: PARENT, status: "OPEN", version: 0 } satisfies Schemas["Cycle"],
        { ETag: '"0"' },
      ),
    )
    .on("PUT", "/api/assessments/cycles/{id}/scores", () =>
      json(200, { indicatorId, points: 8.5, evidence: "会议记录3份", name: "组织生活" } satisfies Schemas["ScoreView"]),
    );
  const client = clientOf(fake);

  const cycle = await client.POST("/api/assessments/cycles", {
    body: { name: "2026年度支部考核", kind: "ANNUAL", year: 2026, rootOrgId: PARENT, indicatorVersionId: "01937c1e-0000-7000-8000-0000000000b3" },
  });
  assert.ok(cycle.data?.id);

  const score = await client.PUT("/api/assessments/cycles/{id}/scores", {
    params: { path: { id: cycle.data.id } },
    body: { orgId: ORG, indicatorId, points: 8.5, evidence: "会议记录3份" },
  });
  assert.equal(score.data?.points, 8.5);
});

test("alerts: list the open ones, acknowledge one with If-Match", async () => {
  const alert = {
    id: "01937c1e-0000-7000-8000-0000000000e1",
    ruleId: "MEMBER_NO_ORG_LIFE",
    title: "连续4个月未参加组织生活",
    severity: "WARNING",
    status: "OPEN",
    subjectType: "MEMBER",
    subjectId: MEMBER,
    orgId: ORG,
    deadline: "2026-12-31",
    evidence: [{ kind: "meetings", text: "2026-08 至 2026-11 无出席记录" }],
    version: 3,
  } satisfies Schemas["AlertResponse"];
  const fake = new FakeApi()
    .on("GET", "/api/alerts", () =>
      json(200, { items: [alert], page: 0, size: 20, total: 1, totalPages: 1 } satisfies Schemas["PageResponseAlertResponse"]),
    )
    .on("POST", "/api/alerts/{id}/acknowledge", () =>
      json(200, { ...alert, status: "ACKNOWLEDGED", version: 4 } satisfies Schemas["AlertResponse"], { ETag: '"4"' }),
    );
  const client = clientOf(fake);

  const open = await client.GET("/api/alerts", {
    params: { query: { status: ["OPEN"], severity: "WARNING", sort: ["-raisedAt"] } },
  });
  const first = open.data?.items?.[0];
  // lists carry each item's version: its ETag is the quoted version
  assert.ok(first?.id !== undefined && first.version !== undefined);

  const acknowledged = await client.POST("/api/alerts/{id}/acknowledge", {
    params: { path: { id: first.id }, header: { "If-Match": `"${String(first.version)}"` } },
  });
  assert.equal(acknowledged.data?.status, "ACKNOWLEDGED");
  assert.equal(fake.last("POST", `/api/alerts/${alert.id}/acknowledge`).headers.get("If-Match"), '"3"');
});
