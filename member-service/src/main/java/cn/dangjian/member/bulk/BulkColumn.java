package cn.dangjian.member.bulk;

import java.util.List;
import java.util.Locale;

/** A column of an import or export file: its Chinese header, English field name and rules. */
public interface BulkColumn {

  /** The Chinese header written in exports and templates. */
  String label();

  /** The request field it fills; also accepted as a header. */
  String field();

  /** Whether the header must be present in an import file. */
  boolean required();

  /** Personal data: never echoed back, masked in reports. */
  boolean sensitive();

  /** Other headers people commonly use for the same column. */
  List<String> aliases();

  /** The form headers are compared in: no BOM, blanks or required marker (*), lower case. */
  static String normalize(String header) {
    if (header == null) {
      return "";
    }
    String text = header.replace("\uFEFF", "").strip();
    while (text.endsWith("*") || text.endsWith("＊")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    while (text.startsWith("*") || text.startsWith("＊")) {
      text = text.substring(1).strip();
    }
    return text.toLowerCase(Locale.ROOT);
  }
}
