package cn.dangjian.platform.export;

import java.util.Locale;
import java.util.Optional;
import org.springframework.http.MediaType;

/**
 * The file formats of an export. The constants are lower case because they are the request
 * parameter values ({@code ?format=csv}) and the file extensions.
 */
public enum ExportFormat {
  /** UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting, formula-like cells neutralised. */
  csv("text/csv;charset=UTF-8"),
  /** Office Open XML spreadsheet, written through POI's streaming workbook. */
  xlsx("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final String contentType;

  ExportFormat(String contentType) {
    this.contentType = contentType;
  }

  /** The file extension, without the dot. */
  public String extension() {
    return name();
  }

  /** The Content-Type of the file, e.g. {@code text/csv;charset=UTF-8}. */
  public String contentType() {
    return contentType;
  }

  public MediaType mediaType() {
    return MediaType.parseMediaType(contentType);
  }

  /** The format named by {@code text} (case and surrounding blanks ignored), if there is one. */
  public static Optional<ExportFormat> fromExtension(String text) {
    String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (ExportFormat format : values()) {
      if (format.extension().equals(value)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
