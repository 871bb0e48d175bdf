package cn.dangjian.assessment.cycle;

/**
 * A cycle's results were published (first or corrected): sent in the publishing transaction after
 * the orgs' events, so a listener acts on the results as published or rolls the publication back.
 */
public record ResultsPublished(Cycle cycle) {}
