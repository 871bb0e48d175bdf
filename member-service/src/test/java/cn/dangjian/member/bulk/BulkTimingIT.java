package cn.dangjian.member.bulk;

import static cn.dangjian.member.bulk.BulkTestFiles.fullMember;
import static cn.dangjian.member.bulk.BulkTestFiles.newIdNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Wall time of importing 5000 members from CSV and from .xlsx and of exporting them, printed and
 * written to target/bulk-timing.txt. A measurement, not an assertion on time; run on demand: {@code
 * ./mvnw -pl member-service verify -Dtest=BulkTimingIT -Dbulk.timing=true}.
 */
@EnabledIfSystemProperty(named = "bulk.timing", matches = "true")
@org.springframework.test.context.TestPropertySource(
    properties = "dangjian.bulk.export-max-rows=50000")
class BulkTimingIT extends BulkItSupport {

  private static final int ROWS = 5000;
  private static final int BRANCHES = 10;

  private final List<String> lines = new ArrayList<>();

  private List<UUID> branches(String name) throws Exception {
    UUID root = createOrg(admin, committee, name, "PARTY_COMMITTEE");
    List<UUID> branches = new ArrayList<>();
    branches.add(root);
    for (int i = 0; i < BRANCHES; i++) {
      branches.add(createOrg(admin, root, name + "第" + (i + 1) + "党支部", "BRANCH"));
    }
    return branches;
  }

  private static List<List<String>> rows(List<UUID> branches) {
    List<List<String>> rows = new ArrayList<>(ROWS);
    for (int i = 0; i < ROWS; i++) {
      rows.add(fullMember(branches.get(1 + i % BRANCHES), "党员" + i, newIdNumber()));
    }
    return rows;
  }

  private long timeImport(String label, MockMultipartHttpServletRequestBuilder request, int size)
      throws Exception {
    long start = System.nanoTime();
    if (label.contains("dryRun")) {
      as(admin, request).andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(ROWS));
    } else {
      assertThat(imported(admin, request).get("imported").asInt()).isEqualTo(ROWS);
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    record(String.format("%-44s %6d ms  (file %,d bytes)", label, ms, size));
    return ms;
  }

  private void record(String line) {
    System.out.println("BULK-TIMING " + line);
    lines.add(line);
  }

  @Test
  void measureImportAndExportOf5000Members() throws Exception {
    List<UUID> csvTree = branches("计时CSV党委");
    byte[] csv = BulkTestFiles.csv(BulkTestFiles.MEMBER_HEADER, rows(csvTree));
    timeImport(
        "import 5000 members, CSV, ALL_OR_NOTHING",
        upload("/api/members/import", "m.csv", "text/csv", csv),
        csv.length);

    List<UUID> xlsxTree = branches("计时XLSX党委");
    byte[] xlsx = BulkTestFiles.xlsx(BulkTestFiles.MEMBER_HEADER, rows(xlsxTree));
    timeImport(
        "import 5000 members, xlsx, ALL_OR_NOTHING",
        upload("/api/members/import", "m.xlsx", XLSX_TYPE, xlsx),
        xlsx.length);

    List<UUID> perRowTree = branches("计时逐行党委");
    byte[] perRow = BulkTestFiles.csv(BulkTestFiles.MEMBER_HEADER, rows(perRowTree));
    timeImport(
        "import 5000 members, CSV, PER_ROW",
        upload("/api/members/import", "m.csv", "text/csv", perRow).param("mode", "PER_ROW"),
        perRow.length);

    List<UUID> dryTree = branches("计时校验党委");
    byte[] dry = BulkTestFiles.csv(BulkTestFiles.MEMBER_HEADER, rows(dryTree));
    timeImport(
        "validate 5000 members, CSV, dryRun",
        upload("/api/members/import", "m.csv", "text/csv", dry).param("dryRun", "true"),
        dry.length);

    for (String format : List.of("xlsx", "csv")) {
      long start = System.nanoTime();
      byte[] file =
          as(
                  admin,
                  get("/api/members/export")
                      .param("orgId", xlsxTree.get(0).toString())
                      .param("format", format))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsByteArray();
      long ms = (System.nanoTime() - start) / 1_000_000;
      record(
          String.format(
              "%-44s %6d ms  (file %,d bytes)", "export 5000 members, " + format, ms, file.length));
      if (format.equals("xlsx")) {
        assertThat(BulkTestFiles.readXlsx(file)).hasSize(ROWS + 1);
      }
    }
    Path out = Path.of("target", "bulk-timing.txt");
    try {
      Files.write(out, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.out.println("cannot write " + out + ": " + e);
    }
  }
}
