package cn.dangjian.alert;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * A receiver's check of a delivery with the Standard Webhooks reference library (npm {@code
 * standardwebhooks}, installed into {@code target/webhook-verifier} by the build): an
 * implementation of the specification independent of ours.
 */
final class StandardWebhooksVerifier {

  private static final Path SCRIPT = Path.of("target", "webhook-verifier", "verify.mjs");

  private StandardWebhooksVerifier() {}

  /** "verified &lt;type&gt;", or "refused: &lt;the library's reason&gt;". */
  static String verify(String secret, LoggedRequest delivery, String body) {
    if (!Files.isDirectory(SCRIPT.resolveSibling("node_modules"))) {
      throw new IllegalStateException(
          "the verifier is not installed: run the build (npm ci in target/webhook-verifier)");
    }
    Map<String, Object> input =
        Map.of(
            "secret",
            secret,
            "headers",
            Map.of(
                "webhook-id", delivery.getHeader("webhook-id"),
                "webhook-timestamp", delivery.getHeader("webhook-timestamp"),
                "webhook-signature", delivery.getHeader("webhook-signature")),
            "body",
            body);
    try {
      Process node =
          new ProcessBuilder("node", SCRIPT.toString()).redirectErrorStream(true).start();
      node.getOutputStream().write(JsonMapper.builder().build().writeValueAsBytes(input));
      node.getOutputStream().close();
      String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!node.waitFor(30, TimeUnit.SECONDS)) {
        node.destroyForcibly();
        throw new IllegalStateException("node verify.mjs did not finish");
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
