package cn.dangjian.testsupport.architecture.sample.bad.docs;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.springframework.stereotype.Service;

/** Planted: Swagger on a service's nested records (one even named like a web type). */
@Service
public class ReportService {

  @Schema(description = "a summary declared inside a service")
  public record Summary(int count) {}

  @Schema(description = "named like a view, still inside a service")
  public record ReportView(List<Summary> summaries) {}

  public ReportView report() {
    return new ReportView(List.of(new Summary(1)));
  }
}
