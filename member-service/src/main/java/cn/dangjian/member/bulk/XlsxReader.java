package cn.dangjian.member.bulk;

import cn.dangjian.platform.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an .xlsx row by row with POI's streaming (SAX) reader, so memory does
 * not grow with the sheet and reading stops at the row limit. Every cell arrives as text: date
 * cells as yyyy-MM-dd, whole numbers (phones typed as numbers) without decimals or exponent.
 */
final class XlsxReader {

  private static final Pattern SCIENTIFIC = Pattern.compile("^-?\\d+(\\.\\d+)?[eE][+-]?\\d+$");

  private XlsxReader() {}

  static void read(byte[] bytes, TableBuilder sink) {
    OPCPackage pkg = null;
    try {
      pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      Iterator<InputStream> sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw FileProblems.badFile("empty-file", "bulk.file.empty");
      }
      try (InputStream sheet = sheets.next()) {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(
            new XSSFSheetXMLHandler(
                reader.getStylesTable(), strings, new Rows(sink), new CellText(), false));
        parser.parse(new InputSource(sheet));
      }
    } catch (ProblemException e) {
      throw e;
    } catch (SAXException e) {
      if (e.getException() instanceof ProblemException problem) {
        throw problem;
      }
      throw FileProblems.badFile("unreadable-file", "bulk.file.unreadable");
    } catch (Exception e) {
      // corrupt or encrypted package, not a spreadsheet, zip bomb refused by POI
      throw FileProblems.badFile("unreadable-file", "bulk.file.unreadable");
    } finally {
      if (pkg != null) {
        pkg.revert();
      }
    }
  }

  /** Collects the cells of each row, filling gaps left by empty cells. */
  private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final TableBuilder sink;
    private List<String> cells = new ArrayList<>();
    private int lastColumn = -1;

    Rows(TableBuilder sink) {
      this.sink = sink;
    }

    @Override
    public void startRow(int rowNum) {
      cells = new ArrayList<>();
      lastColumn = -1;
    }

    @Override
    public void endRow(int rowNum) {
      sink.row(rowNum + 1, cells);
    }

    @Override
    public void cell(String reference, String value, XSSFComment comment) {
      int column = reference == null ? lastColumn + 1 : new CellReference(reference).getCol();
      while (cells.size() < column) {
        cells.add("");
      }
      String text = value == null ? "" : value;
      if (SCIENTIFIC.matcher(text).matches()) {
        text = new BigDecimal(text).stripTrailingZeros().toPlainString();
      }
      if (cells.size() == column) {
        cells.add(text);
      } else {
        cells.set(column, text);
      }
      lastColumn = column;
    }
  }

  /** Dates as ISO dates, numbers as plain digits: what the value parsers expect. */
  static final class CellText extends DataFormatter {

    CellText() {
      super(Locale.ROOT);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      return formatRawCellContents(value, formatIndex, formatString, false);
    }

    @Override
    public String formatRawCellContents(
        double value, int formatIndex, String formatString, boolean use1904Windowing) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
      }
      return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
  }
}
