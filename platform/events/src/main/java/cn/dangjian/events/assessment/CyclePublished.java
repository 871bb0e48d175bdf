package cn.dangjian.events.assessment;

import cn.dangjian.events.OneOf;
import cn.dangjian.events.Subject;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * {@code assessment.cycle-published} v1: an org's result in a published assessment cycle (one event
 * per org and publication; a correction re-publishes with a higher {@code publicationNo}). Subject:
 * the org.
 *
 * @param kind ANNUAL or QUARTERLY
 * @param quarter 1–4 for a quarterly cycle, 0 for an annual one
 * @param score the combined score (indicators and 述职评议 ballots)
 * @param rank 1 = best within the peer group (ties share a rank)
 * @param peerGroupSize how many orgs were ranked together
 * @param percentile 100 = best, 0 = last in the peer group
 * @param grade GOOD (好), FAIRLY_GOOD (较好), AVERAGE (一般) or POOR (差)
 * @param stars 1–5 (星级)
 * @param weakCandidate in the bottom band of the peer group (软弱涣散 candidate)
 * @param publicationNo 1 for the first publication, +1 for each audited re-publication
 */
@Subject(value = "orgId", kind = "org")
public record CyclePublished(
    UUID cycleId,
    String cycleName,
    @OneOf(CycleKind.class) String kind,
    int year,
    int quarter,
    UUID orgId,
    BigDecimal score,
    int rank,
    int peerGroupSize,
    BigDecimal percentile,
    @OneOf(CycleGrade.class) String grade,
    int stars,
    boolean weakCandidate,
    int publicationNo) {}
