// Planted: each line below is one thing the client's lint refuses (see test/no-casts.test.ts).
import type { Schemas } from "../src/index.js";

export function planted(answer: Schemas["OrgResponse"] | undefined, raw: unknown): string {
  const org = raw as Schemas["OrgResponse"];
  const loose: any = raw;
  return answer!.name + String(org.id) + String(loose);
}
