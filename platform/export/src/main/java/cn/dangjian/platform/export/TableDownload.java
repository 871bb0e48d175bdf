package cn.dangjian.platform.export;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A table sent as a file: its name, format and response headers, and the three ways to send it —
 * streamed after the controller returns ({@link #streamed}), streamed on the request thread ({@link
 * #writeTo(HttpServletResponse, TableContent)}), or built in memory ({@link #buffered}).
 *
 * <p>Headers: the format's Content-Type, {@code Content-Disposition: attachment} with the file name
 * ({@code filename="…"} when it is ASCII, RFC 5987 {@code filename*=UTF-8''…} when it is not, e.g.
 * 党员名册-2026-01-01.xlsx), {@code Cache-Control: no-store} (exports hold personal data) and {@code
 * X-Content-Type-Options: nosniff}.
 *
 * @param baseName the file name without extension
 * @param sheetName the xlsx sheet's name (ignored for CSV)
 */
public record TableDownload(String baseName, ExportFormat format, String sheetName) {

  /** The sheet name when the caller names none. */
  public static final String DEFAULT_SHEET = "data";

  public TableDownload(String baseName, ExportFormat format) {
    this(baseName, format, DEFAULT_SHEET);
  }

  public String fileName() {
    return baseName + "." + format.extension();
  }

  /** {@code attachment; filename="a.csv"}, or with {@code filename*=UTF-8''…} for other names. */
  public String contentDisposition() {
    String fileName = fileName();
    ContentDisposition.Builder attachment = ContentDisposition.attachment();
    return (StandardCharsets.US_ASCII.newEncoder().canEncode(fileName)
            ? attachment.filename(fileName)
            : attachment.filename(fileName, StandardCharsets.UTF_8))
        .build()
        .toString();
  }

  public HttpHeaders headers() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.CONTENT_TYPE, format.contentType());
    headers.set(HttpHeaders.CONTENT_DISPOSITION, contentDisposition());
    headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
    headers.set("X-Content-Type-Options", "nosniff");
    return headers;
  }

  /** A 200 with this file's headers, for a caller that adds its own before the body. */
  public ResponseEntity.BodyBuilder ok() {
    return ResponseEntity.ok().headers(headers());
  }

  /** The table as a body Spring MVC writes after the controller has returned. */
  public StreamingResponseBody body(TableContent content) {
    return out -> write(out, content);
  }

  /** The file streamed after the controller has returned. */
  public ResponseEntity<StreamingResponseBody> streamed(TableContent content) {
    return ok().body(body(content));
  }

  /** The file built in memory, for small tables. */
  public ResponseEntity<byte[]> buffered(TableContent content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(out, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ok().body(out.toByteArray());
  }

  /**
   * Sets the headers and streams the file on the calling thread; returns the number of data rows.
   * Check everything that may refuse the export before: once the first bytes are out, the status is
   * 200.
   */
  public long writeTo(HttpServletResponse response, TableContent content) throws IOException {
    headers().forEach((name, values) -> values.forEach(value -> response.setHeader(name, value)));
    response.setContentType(format.contentType());
    return write(response.getOutputStream(), content);
  }

  /** Writes the file onto {@code out} (left open); returns the number of data rows. */
  public long write(OutputStream out, TableContent content) throws IOException {
    try (TableWriter writer = TableWriter.open(format, out, sheetName)) {
      content.writeTo(writer);
      writer.finish();
      return writer.rows();
    }
  }
}
