package cn.dangjian.member.bulk;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** Headers of a download: type, a UTF-8 file name, and no caching of personal data. */
final class ExportResponses {

  private ExportResponses() {}

  static void start(HttpServletResponse response, ExportFormat format, String baseName) {
    response.setContentType(format.contentType());
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment()
            .filename(baseName + "." + format.extension(), StandardCharsets.UTF_8)
            .build()
            .toString());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
  }
}
