package cn.dangjian.bench.platform;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** PNG charts of the load steps (JFreeChart, headless): latency and throughput against load. */
final class LatencyChart {

  /** One measured step as the charts need it. */
  record Point(String path, int offered, double achieved, double p50, double p99) {}

  private static final Color DIRECT = new Color(0x1f77b4);
  private static final Color GATEWAY = new Color(0xd62728);

  private LatencyChart() {}

  /** p50 and p99 (log scale) against the offered rate, direct and through the gateway. */
  static void latency(List<Point> points, Path png, String subtitle) throws IOException {
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(series(points, "direct", "direct p50", false));
    data.addSeries(series(points, "direct", "direct p99", true));
    data.addSeries(series(points, "gateway", "gateway p50", false));
    data.addSeries(series(points, "gateway", "gateway p99", true));
    LogAxis y = new LogAxis("latency, ms (log scale)");
    y.setSmallestValue(0.5);
    XYPlot plot =
        new XYPlot(data, new NumberAxis("offered load, requests/s (open model)"), y, null);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    style(renderer, 0, DIRECT, false);
    style(renderer, 1, DIRECT, true);
    style(renderer, 2, GATEWAY, false);
    style(renderer, 3, GATEWAY, true);
    plot.setRenderer(renderer);
    write(plot, "Latency against load: direct vs through the gateway", subtitle, png);
  }

  /** Achieved against offered throughput; the diagonal is "keeps up". */
  static void throughput(List<Point> points, Path png, String subtitle) throws IOException {
    XYSeriesCollection data = new XYSeriesCollection();
    XYSeries direct = new XYSeries("direct");
    XYSeries gateway = new XYSeries("gateway");
    XYSeries ideal = new XYSeries("offered");
    for (Point p : points) {
      (p.path().equals("direct") ? direct : gateway).add(p.offered(), p.achieved());
      ideal.addOrUpdate(p.offered(), p.offered());
    }
    data.addSeries(direct);
    data.addSeries(gateway);
    data.addSeries(ideal);
    XYPlot plot =
        new XYPlot(
            data,
            new NumberAxis("offered load, requests/s"),
            new NumberAxis("successful actions/s"),
            null);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    style(renderer, 0, DIRECT, false);
    style(renderer, 1, GATEWAY, false);
    style(renderer, 2, Color.GRAY, true);
    plot.setRenderer(renderer);
    write(plot, "Throughput against load", subtitle, png);
  }

  private static XYSeries series(List<Point> points, String path, String name, boolean p99) {
    XYSeries series = new XYSeries(name);
    for (Point p : points) {
      if (p.path().equals(path)) {
        series.add(p.offered(), Math.max(0.5, p99 ? p.p99() : p.p50()));
      }
    }
    return series;
  }

  private static void style(XYLineAndShapeRenderer r, int series, Color color, boolean dashed) {
    r.setSeriesPaint(series, color);
    r.setSeriesStroke(
        series,
        dashed
            ? new BasicStroke(
                2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
            : new BasicStroke(2f));
  }

  private static void write(XYPlot plot, String title, String subtitle, Path png)
      throws IOException {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 16), plot, true);
    chart.addSubtitle(new org.jfree.chart.title.TextTitle(subtitle));
    chart.setBackgroundPaint(Color.WHITE);
    Files.createDirectories(png.getParent());
    ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 560);
  }
}
