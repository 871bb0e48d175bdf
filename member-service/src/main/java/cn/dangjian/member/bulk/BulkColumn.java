package cn.dangjian.member.bulk;

import java.util.List;
import java.util.Locale;

/** A column of an import or export file: its Chinese header, English field name and rules. */
public interface BulkColumn {

  /**
   * What a column is: the Chinese header written in exports and templates, the request field it
   * fills (also accepted as a header), whether the header must be present in an import file,
   * whether it is personal data (never echoed back, masked in reports), and other headers people
   * commonly use for the same column.
   */
  record Spec(
      String label, String field, boolean required, boolean sensitive, List<String> aliases) {}

  Spec spec();

  default String label() {
    return spec().label();
  }

  default String field() {
    return spec().field();
  }

  default boolean required() {
    return spec().required();
  }

  default boolean sensitive() {
    return spec().sensitive();
  }

  default List<String> aliases() {
    return spec().aliases();
  }

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
