package cn.dangjian.assessment.indicator;

import cn.dangjian.assessment.indicator.IndicatorRules.Node;
import java.util.List;

/** An entered node of a tree with its display-only fields. */
public record Entered(Node node, String scorerName, String description, List<Entered> children) {}
