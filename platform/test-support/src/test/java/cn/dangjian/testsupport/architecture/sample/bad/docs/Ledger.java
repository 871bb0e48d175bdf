package cn.dangjian.testsupport.architecture.sample.bad.docs;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** Planted: a domain record (not a web type by name or place) carrying Swagger. */
public record Ledger(@Schema(description = "balance") BigDecimal balance) {}
