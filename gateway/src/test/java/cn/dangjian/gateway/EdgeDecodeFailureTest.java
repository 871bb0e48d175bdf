package cn.dangjian.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Requests Netty cannot decode never reach Spring; they used to be answered with an empty body.
 * Sent over a raw socket, because no HTTP client lets you send a broken request line.
 */
class EdgeDecodeFailureTest extends GatewayIntegrationTest {

  private String raw(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      int n;
      while ((n = in.read(buffer)) > 0) {
        response.write(buffer, 0, n);
        String text = response.toString(StandardCharsets.UTF_8);
        int headerEnd = text.indexOf("\r\n\r\n");
        if (headerEnd > 0 && text.toLowerCase().contains("content-length: ")) {
          int length =
              Integer.parseInt(
                  text.toLowerCase().split("content-length: ")[1].split("\r\n")[0].trim());
          if (response.size() >= headerEnd + 4 + length) {
            break;
          }
        }
      }
      return response.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void uriOverFourKilobytesIsAnswered414WithAProblemBodyNotAnEmptyOne() throws Exception {
    String response =
        raw("GET /api/members?name=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 414");
    assertThat(response.toLowerCase()).contains("content-type: application/problem+json");
    assertThat(response)
        .contains("\"type\":\"https://dangjian.cn/problems/uri-too-long\"")
        .contains("\"status\":414")
        .contains("请求地址过长");
  }

  @Test
  void garbledRequestLineIsAnswered400WithAProblemBody() throws Exception {
    String response = raw("GET /api/members HTTP/1.1\r\nHost: x\r\nBroken header line\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 400");
    assertThat(response.toLowerCase()).contains("content-type: application/problem+json");
    assertThat(response).contains("\"status\":400").contains("请求格式错误");
  }

  @Test
  void headersOverTheLimitAreAnswered431WithAProblemBody() throws Exception {
    String response =
        raw("GET /api/members HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(9000) + "\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 431");
    assertThat(response).contains("\"type\":\"https://dangjian.cn/problems/headers-too-large\"");
  }
}
