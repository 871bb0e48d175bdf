// Verifies one webhook delivery with the `standardwebhooks` npm package (standardwebhooks.com).
// Input on stdin: {"secret": "whsec_…", "headers": {"webhook-id": …}, "body": "…"}.
// Prints the verified payload's `type` and exits 0, or prints the library's error and exits 1.
import { Webhook } from "standardwebhooks";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { secret, headers, body } = JSON.parse(input);
try {
  const payload = new Webhook(secret).verify(body, headers);
  console.log("verified " + payload.type);
} catch (e) {
  console.log("refused: " + e.message);
  process.exit(1);
}
