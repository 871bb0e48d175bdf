/** The lint that keeps casts out of the client and its tests does refuse each kind of cast. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ESLint } from "eslint";

test("the lint refuses `as`, `!` and `any`", async () => {
  // the planted file is ignored by `npm run lint`, not here
  const eslint = new ESLint({ ignore: false });
  const [result] = await eslint.lintFiles(["lint-fixtures/casts.ts"]);
  assert.ok(result);
  const rules = new Set(result.messages.map((m) => m.ruleId));
  assert.ok(rules.has("@typescript-eslint/consistent-type-assertions"));
  assert.ok(rules.has("@typescript-eslint/no-non-null-assertion"));
  assert.ok(rules.has("@typescript-eslint/no-explicit-any"));
});
