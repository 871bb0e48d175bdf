package cn.dangjian.platform.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

class TableDownloadTest {

  private static final TableContent TABLE =
      TableContent.of(List.of("组织", "人数"), List.of(List.of("第一党支部", 3)));
  private static final String CSV = "\uFEFF组织,人数\r\n第一党支部,3\r\n";

  @Test
  void aChineseFileNameIsSentAsRfc5987Utf8() {
    String header = new TableDownload("党员名册-2026-01-01", ExportFormat.xlsx).contentDisposition();

    assertThat(header)
        .startsWith("attachment")
        .contains("filename*=UTF-8''%E5%85%9A%E5%91%98%E5%90%8D%E5%86%8C-2026-01-01.xlsx");
    ContentDisposition parsed = ContentDisposition.parse(header);
    assertThat(parsed.isAttachment()).isTrue();
    assertThat(parsed.getFilename()).isEqualTo("党员名册-2026-01-01.xlsx");
    assertThat(parsed.getCharset()).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void anAsciiFileNameIsAPlainQuotedFilename() {
    assertThat(new TableDownload("arrears", ExportFormat.csv).contentDisposition())
        .isEqualTo("attachment; filename=\"arrears.csv\"");
  }

  @Test
  void theFormatGivesContentTypeAndExtension() {
    assertThat(ExportFormat.csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
    assertThat(ExportFormat.csv.mediaType().getCharset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(ExportFormat.xlsx.contentType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(ExportFormat.fromExtension(" XLSX ")).contains(ExportFormat.xlsx);
    assertThat(ExportFormat.fromExtension("csv")).contains(ExportFormat.csv);
    assertThat(ExportFormat.fromExtension("xls")).isEmpty();
    assertThat(ExportFormat.fromExtension(null)).isEmpty();
  }

  @Test
  void aStreamedDownloadCarriesTheHeadersAndWritesTheTableLater() throws IOException {
    ResponseEntity<StreamingResponseBody> response =
        new TableDownload("alerts", ExportFormat.csv).streamed(TABLE);

    HttpHeaders headers = response.getHeaders();
    assertThat(headers.getFirst(HttpHeaders.CONTENT_TYPE)).isEqualTo("text/csv;charset=UTF-8");
    assertThat(headers.getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"alerts.csv\"");
    assertThat(headers.getFirst(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
    assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    response.getBody().writeTo(out);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(CSV);
  }

  @Test
  void aBufferedDownloadHoldsTheSameBytes() {
    ResponseEntity<byte[]> response =
        new TableDownload("dues-2026-01", ExportFormat.csv).buffered(TABLE);

    assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).isEqualTo(CSV);
    assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"dues-2026-01.csv\"");
  }

  @Test
  void writingToTheServletResponseSetsHeadersAndCountsRows() throws IOException {
    MockHttpServletResponse response = new MockHttpServletResponse();

    long rows =
        new TableDownload("党组织-2026-01-01", ExportFormat.csv, "党组织").writeTo(response, TABLE);

    assertThat(rows).isEqualTo(1);
    assertThat(response.getContentType()).isEqualTo("text/csv;charset=UTF-8");
    assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION))
        .contains("filename*=UTF-8''%E5%85%9A%E7%BB%84%E7%BB%87-2026-01-01.csv");
    assertThat(response.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
    assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(CSV);
  }
}
