package cn.dangjian.member.bulk;

import cn.dangjian.platform.export.CsvCells;
import cn.dangjian.platform.export.TableWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV as Excel writes and reads it: UTF-8 with or without a BOM, comma separated, quoted
 * cells may hold commas, doubled quotes and line breaks. Row numbers count records, as Excel shows
 * them, not physical lines.
 *
 * <p>Cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) are written
 * with a leading apostrophe (the exports write through the platform's {@link TableWriter}), which
 * reading removes again, so an export can neither inject a formula into Excel nor change its data
 * on re-import.
 */
public final class CsvCodec {

  public static final String BOM = TableWriter.BOM;

  private CsvCodec() {}

  /** Strict UTF-8: a file saved as GBK (Excel's default "CSV") is refused with a hint. */
  public static String decode(byte[] bytes) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith(BOM) ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw FileProblems.badFile("not-utf8", "bulk.file.not-utf8");
    }
  }

  /** Feeds every record of {@code text} (BOM already removed) to the builder. */
  static void parse(String text, TableBuilder sink) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean cellWasQuoted = false;
    int record = 1;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && text.charAt(i + 1) == '"') {
            cell.append('"');
            i += 2;
            continue;
          }
          quoted = false;
        } else {
          cell.append(c);
        }
        i++;
        continue;
      }
      if (c == '"' && cell.isEmpty() && !cellWasQuoted) {
        quoted = true;
        cellWasQuoted = true;
      } else if (c == ',') {
        cells.add(unneutralize(cell.toString()));
        cell.setLength(0);
        cellWasQuoted = false;
      } else if (c == '\r' || c == '\n') {
        cells.add(unneutralize(cell.toString()));
        sink.row(record++, cells);
        cells = new ArrayList<>();
        cell.setLength(0);
        cellWasQuoted = false;
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
      } else {
        cell.append(c);
      }
      i++;
    }
    if (quoted) {
      throw FileProblems.badFile(
          "malformed-csv", "bulk.file.malformed-csv", String.valueOf(record));
    }
    if (!cell.isEmpty() || !cells.isEmpty() || cellWasQuoted) {
      cells.add(unneutralize(cell.toString()));
      sink.row(record, cells);
    }
  }

  /**
   * One cell as the exports write it (the platform's {@link CsvCells}): formula-like text
   * neutralised, quoted when it needs to be.
   */
  public static String cell(String value) {
    return value == null || value.isEmpty() ? "" : CsvCells.cell(value);
  }

  private static String unneutralize(String cell) {
    return CsvCells.restore(cell);
  }
}
