/**
 * The main flow of each service through the generated client, against a fake gateway: what a
 * front end writes, with no casts. Each canned answer is built by a builder typed with its schema
 * (./fixtures.ts), so the fake cannot drift from the contract either.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { createDangjianClient, etagOf, newIdempotencyKey, type Schemas } from "../src/index.js";
import { FakeApi, json } from "./fake-api.js";
import {
  MEMBER,
  ORG,
  PARENT,
  SECRETARY,
  alertResponse,
  attendanceView,
  billView,
  cycle,
  meetingView,
  memberResponse,
  orgResponse,
  paymentView,
  profileResponse,
  scoreView,
} from "./fixtures.js";

const BASE = "http://gateway.test";
const TOKEN = "eyJhbGciOiJSUzI1NiJ9.fake.token";

function clientOf(fake: FakeApi) {
  return createDangjianClient({ baseUrl: BASE, token: () => TOKEN, language: "zh", fetch: fake.fetch });
}

test("members: create an org and a member, list members sorted and paged", async () => {
  const member = memberResponse();
  const fake = new FakeApi()
    .on("POST", "/api/orgs", () => json(201, orgResponse(), { ETag: '"0"', Location: `/api/orgs/${ORG}` }))
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
  const orgId = created.data.id;

  const registered = await client.POST("/api/members", {
    params: { header: { "Idempotency-Key": newIdempotencyKey() } },
    body: {
      orgId,
      name: "李红",
      gender: "FEMALE",
      birthDate: "1990-05-04",
      idNumber: "110101199005041249",
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
  assert.equal(page.data.items[0]?.id, MEMBER);

  const list = fake.last("GET", "/api/members");
  assert.deepEqual(list.query.getAll("sort"), ["-joinDate", "name"]);
  assert.equal(list.query.get("page"), "1");
  assert.equal(list.query.get("size"), "1");
  assert.equal(list.headers.get("Authorization"), `Bearer ${TOKEN}`);
  assert.equal(list.headers.get("Accept-Language"), "zh");
});

test("dues: a profile, the month's bills and a payment made once with an Idempotency-Key", async () => {
  const payment = paymentView();
  const fake = new FakeApi()
    .on("POST", "/api/dues/profiles", () => json(201, profileResponse(), { ETag: '"0"' }))
    .on("GET", "/api/dues/bills", () =>
      json(200, {
        items: [billView()],
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
  const bill = bills.data?.items[0];
  assert.ok(bill);
  assert.equal(bill.month, "2026-11");

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
  const planned = meetingView();
  const held = meetingView({
    status: "HELD",
    statusLabel: "已召开",
    place: "党员活动室",
    heldOn: "2026-11-20",
    hostMemberId: SECRETARY,
    recorderMemberId: SECRETARY,
    minutes: "传达学习上级文件精神，研究发展党员工作。",
    actualCount: 1,
    attendance: [
      attendanceView({ memberId: MEMBER, present: false, absenceReason: "ILLNESS", absenceReasonLabel: "病假" }),
      attendanceView({ memberId: SECRETARY, present: true }),
    ],
    recordVersion: 1,
    recordedBy: "wangfang",
    firstRecordedAt: "2026-11-20T08:10:00Z",
    version: 1,
  });
  const fake = new FakeApi()
    .on("POST", "/api/org-life/meetings", () => json(201, planned, { ETag: '"0"' }))
    .on("PUT", "/api/org-life/meetings/{id}/record", (call) =>
      call.headers.get("If-Match") === '"0"'
        ? json(200, held, { ETag: '"1"' })
        : json(412, { type: "https://dangjian.cn/problems/stale-version", title: "Precondition Failed", status: 412, detail: "版本已过期" }),
    );
  const client = clientOf(fake);

  const plan = await client.POST("/api/org-life/meetings", {
    body: {
      orgId: ORG,
      type: "COMMITTEE_MEETING",
      title: "11月支委会",
      startsAt: "2026-11-20T14:30:00+08:00",
      endsAt: "2026-11-20T16:00:00+08:00",
      expectedMemberIds: [MEMBER, SECRETARY],
    },
  });
  assert.ok(plan.data);
  const meetingId = plan.data.id;

  const recorded = await client.PUT("/api/org-life/meetings/{id}/record", {
    params: { path: { id: meetingId }, header: { "If-Match": etagOf(plan.response) } },
    body: {
      title: "11月支委会",
      startsAt: "2026-11-20T14:30:00+08:00",
      endsAt: "2026-11-20T16:00:00+08:00",
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
  const opened = cycle();
  const { indicatorId } = scoreView();
  const fake = new FakeApi()
    .on("POST", "/api/assessments/cycles", () => json(201, opened, { ETag: '"0"' }))
    .on("PUT", "/api/assessments/cycles/{id}/scores", () => json(200, scoreView()));
  const client = clientOf(fake);

  const created = await client.POST("/api/assessments/cycles", {
    body: { name: "2026年度支部考核", kind: "ANNUAL", year: 2026, rootOrgId: PARENT, indicatorVersionId: opened.indicatorVersionId },
  });
  assert.ok(created.data);

  const score = await client.PUT("/api/assessments/cycles/{id}/scores", {
    params: { path: { id: created.data.id } },
    body: { orgId: ORG, indicatorId, points: 8.5, evidence: "会议记录3份" },
  });
  assert.equal(score.data?.points, 8.5);
});

test("alerts: list the open ones, acknowledge one with If-Match", async () => {
  const alert = alertResponse();
  const fake = new FakeApi()
    .on("GET", "/api/alerts", () =>
      json(200, { items: [alert], page: 0, size: 20, total: 1, totalPages: 1 } satisfies Schemas["PageResponseAlertResponse"]),
    )
    .on("POST", "/api/alerts/{id}/acknowledge", () =>
      json(200, alertResponse({ status: "ACKNOWLEDGED", statusLabel: "已签收", version: 4 }), { ETag: '"4"' }),
    );
  const client = clientOf(fake);

  const open = await client.GET("/api/alerts", {
    params: { query: { status: ["OPEN"], severity: "WARNING", sort: ["-raisedAt"] } },
  });
  const first = open.data?.items[0];
  // lists carry each item's version: its ETag is the quoted version
  assert.ok(first);

  const acknowledged = await client.POST("/api/alerts/{id}/acknowledge", {
    params: { path: { id: first.id }, header: { "If-Match": `"${String(first.version)}"` } },
  });
  assert.equal(acknowledged.data?.status, "ACKNOWLEDGED");
  assert.equal(fake.last("POST", `/api/alerts/${alert.id}/acknowledge`).headers.get("If-Match"), '"3"');
});
