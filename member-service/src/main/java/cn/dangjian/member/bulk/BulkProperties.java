package cn.dangjian.member.bulk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of bulk import and export, under {@code dangjian.bulk.*}.
 *
 * @param maxRows most data rows one import file may hold (header not counted)
 * @param exportPageSize rows read from the database per page while exporting
 * @param flushEvery in a single-transaction import, rows between flushing and clearing the
 *     persistence context (keeps dirty checking and memory flat for large files; 50 measured
 *     slightly faster than 20 or 200 for 5000 members)
 * @param exportMaxRows most rows (members, or organisations) one synchronous export may hold; above
 *     it the caller narrows the filter or starts the export as a job ({@code POST
 *     /api/members/exports}, {@code /api/orgs/exports}), which writes a file of any size
 */
@ConfigurationProperties("dangjian.bulk")
public record BulkProperties(
    @DefaultValue("5000") int maxRows,
    @DefaultValue("500") int exportPageSize,
    @DefaultValue("50") int flushEvery,
    @DefaultValue("10000") int exportMaxRows) {}
