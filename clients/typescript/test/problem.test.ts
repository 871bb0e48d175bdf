/**
 * Errors are typed: every operation's error answers are the one Problem schema, so a client reads
 * `rule`, `errors[]` and `traceId` without casts, and a member the schema lacks does not compile.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { createDangjianClient, isProblem, newIdempotencyKey, type Problem } from "../src/index.js";
import { FakeApi, problem } from "./fake-api.js";

const MEMBER = "01937c1e-0000-7000-8000-000000000003";

test("a business-rule refusal is a Problem with its rule", async () => {
  const fake = new FakeApi().on("POST", "/api/dues/payments", () =>
    problem(422, "business-rule", "补交不能超过6个月", { rule: "dues.backpay-limit" }),
  );
  const client = createDangjianClient({ baseUrl: "http://gateway.test", fetch: fake.fetch });

  const { data, error, response } = await client.POST("/api/dues/payments", {
    params: { header: { "Idempotency-Key": newIdempotencyKey() } },
    body: { memberId: MEMBER, months: ["2025-01"], channel: "OFFLINE" },
  });

  assert.equal(data, undefined);
  assert.equal(response.status, 422);
  assert.ok(error);
  const refused: Problem = error;
  assert.equal(refused.rule, "dues.backpay-limit");
  assert.equal(refused.detail, "补交不能超过6个月");
  assert.equal(refused.traceId, "4bf92f3577b34da6a3ce929d0e0e4736");
  // @ts-expect-error -- Problem has no `code`: a misspelt member is a compile error, not undefined
  assert.equal(error.code, undefined);
});

test("a validation error lists the fields in errors[]", async () => {
  const fake = new FakeApi().on("POST", "/api/members", () =>
    problem(400, "invalid-request", "请求无效", {
      errors: [{ field: "idNumber", message: "身份证号格式不正确" }],
    }),
  );
  const client = createDangjianClient({ baseUrl: "http://gateway.test", fetch: fake.fetch });

  const { error } = await client.POST("/api/members", {
    body: {
      orgId: MEMBER,
      name: "张三",
      gender: "MALE",
      birthDate: "1990-01-01",
      idNumber: "bad",
      stage: "APPLICANT",
      duesCategory: "STUDENT",
    },
  });

  assert.ok(error);
  assert.equal(error.status, 400);
  // `errors` is present on validation errors only, so the contract makes it optional
  const first = error.errors?.[0];
  assert.ok(first);
  assert.equal(first.field, "idNumber");
  assert.equal(first.message, "身份证号格式不正确");
  assert.ok(isProblem(error));
});
