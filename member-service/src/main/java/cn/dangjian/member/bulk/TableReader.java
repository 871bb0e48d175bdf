package cn.dangjian.member.bulk;

import java.util.Locale;

/**
 * Turns an uploaded file into a {@link RawTable}: decides between .xlsx and CSV by content first (a
 * zip is a workbook), then by name and content type; refuses legacy .xls and anything else with
 * 415, and empty, unreadable or oversized files with 400.
 */
public final class TableReader {

  private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

  private TableReader() {}

  public static RawTable read(String filename, String contentType, byte[] bytes, int maxRows) {
    if (bytes == null || bytes.length == 0) {
      throw FileProblems.badFile("empty-file", "bulk.file.empty");
    }
    TableBuilder builder = new TableBuilder(maxRows);
    if (startsWith(bytes, ZIP)) {
      XlsxReader.read(bytes, builder);
    } else if (startsWith(bytes, OLE2) || endsWith(filename, ".xls")) {
      throw FileProblems.unsupported("xls-not-supported", "bulk.file.xls-not-supported");
    } else if (looksLikeCsv(filename, contentType)) {
      CsvCodec.parse(CsvCodec.decode(bytes), builder);
    } else {
      throw FileProblems.unsupported("unsupported-file-type", "bulk.file.unsupported-type");
    }
    return builder.build();
  }

  private static boolean looksLikeCsv(String filename, String contentType) {
    if (endsWith(filename, ".csv") || endsWith(filename, ".txt")) {
      return true;
    }
    if (filename != null && filename.contains(".")) {
      return false;
    }
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("text/csv")
        || type.startsWith("text/plain")
        || type.startsWith("application/csv")
        || type.startsWith("application/vnd.ms-excel");
  }

  private static boolean endsWith(String filename, String suffix) {
    return filename != null && filename.toLowerCase(Locale.ROOT).endsWith(suffix);
  }

  private static boolean startsWith(byte[] bytes, byte[] magic) {
    if (bytes.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (bytes[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
