package org.pilotpool.reports.html;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;
import org.jfree.svg.ViewBox;
import org.pilotpool.reports.Numbers;
import org.pilotpool.reports.model.TimeSeries;

/**
 * Draws one variant's series of one topic as an SVG element with JFreeChart: no title (the page
 * says what the chart is), the given shared axes, the variant's colour.
 */
final class SvgChart {
  static {
    // Charts are drawn off screen, and a server or CI machine may have no display at all; this
    // must happen before any AWT class looks for one.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** Points drawn per chart at most, over all its series; the rest is thinned out. */
  static final int MAX_POINTS_PER_CHART = 1000;

  private static final String FONT = "SansSerif";
  private static final Font TICK_FONT = new Font(FONT, Font.PLAIN, 11);
  private static final Color INK = new Color(0x37, 0x41, 0x51);
  private static final Color GRID = new Color(0xe5, 0xe7, 0xeb);
  private static final float[][] DASHES = {null, {6f, 3f}, {2f, 2.5f}, {9f, 3f, 2f, 3f}};

  private SvgChart() {}

  /**
   * @param id the SVG element's id, also the prefix of every id inside it, unique in the page;
   *     fixed ids (rather than the library's time-based ones) keep the page byte-stable
   * @param valueAxisWidth the width of the value axis with its labels, the same for every chart
   *     on the page so that plot areas line up; see {@link #valueAxisWidth}
   */
  static String render(String id, List<TimeSeries> series, Axes axes, double valueAxisWidth,
      Color colour, int width, int height) {
    XYPlot plot = new XYPlot();
    plot.setDomainAxis(timeAxis(axes));
    NumberAxis y = valueAxis(axes);
    y.setFixedDimension(valueAxisWidth);
    plot.setRangeAxis(y);
    int budget = Math.max(4, MAX_POINTS_PER_CHART / series.size());
    for (int i = 0; i < series.size(); i++) {
      plot.setDataset(i, new XYSeriesCollection(points(series.get(i), axes, budget)));
      plot.setRenderer(i, renderer(i, colour));
    }
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setDomainGridlineStroke(new BasicStroke(0.8f));
    plot.setRangeGridlineStroke(new BasicStroke(0.8f));
    plot.setAxisOffset(new RectangleInsets(0, 0, 0, 0));

    JFreeChart chart = new JFreeChart(null, new Font(FONT, Font.PLAIN, 12), plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(6, 4, 4, 10));
    if (series.size() > 1) {
      LegendTitle legend = new LegendTitle(plot);
      legend.setItemFont(new Font(FONT, Font.PLAIN, 11));
      legend.setItemPaint(INK);
      legend.setFrame(BlockBorder.NONE);
      legend.setPosition(RectangleEdge.BOTTOM);
      legend.setItemLabelPadding(new RectangleInsets(2, 3, 2, 10));
      chart.addLegend(legend);
    }

    SVGGraphics2D g = new SVGGraphics2D(width, height, SVGUnits.PX);
    g.setDefsKeyPrefix(id + "-");
    g.setGeomDoubleConverter(SvgChart::twoDecimals);
    g.setTransformDoubleConverter(SvgChart::twoDecimals);
    chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    String svg = g.getSVGElement(id, false, new ViewBox(0, 0, width, height), null, null);
    // Namespaces the chart never uses; inline SVG needs none, and the page names no other site.
    return svg.replace(" xmlns:xlink='http://www.w3.org/1999/xlink'", "")
        .replace(" xmlns:jfreesvg='http://www.jfree.org/jfreesvg/svg'", "");
  }

  /** Room for the widest tick label these axes may get, and the tick mark. */
  static double valueAxisWidth(Axes axes) {
    FontMetrics metrics = new SVGGraphics2D(10, 10).getFontMetrics(TICK_FONT);
    // Tick labels never exceed the range's ends; one digit more covers finer tick fractions.
    int widest = Math.max(metrics.stringWidth(Numbers.readable(axes.yMax()) + "0"),
        metrics.stringWidth(Numbers.readable(axes.yMin()) + "0"));
    return widest + 8;
  }

  private static NumberAxis timeAxis(Axes axes) {
    NumberAxis x = new NumberAxis("virtual time (" + axes.timeUnit() + ")");
    style(x);
    x.setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ROOT));
    x.setRange(axes.tMin() / axes.secondsPerUnit(), axes.tMax() / axes.secondsPerUnit());
    return x;
  }

  /**
   * No axis label: the page's heading names the unit, and rotated text would be drawn as glyph
   * outlines that depend on the machine's fonts.
   */
  private static NumberAxis valueAxis(Axes axes) {
    NumberAxis y = new NumberAxis();
    style(y);
    y.setStandardTickUnits(axes.wholeNumbers()
        ? NumberAxis.createIntegerTickUnits(Locale.ROOT)
        : NumberAxis.createStandardTickUnits(Locale.ROOT));
    y.setRange(axes.yMin(), axes.yMax());
    return y;
  }

  private static void style(NumberAxis axis) {
    axis.setLabelFont(new Font(FONT, Font.PLAIN, 11));
    axis.setLabelPaint(INK);
    axis.setTickLabelFont(TICK_FONT);
    axis.setTickLabelPaint(INK);
    axis.setAxisLinePaint(new Color(0x9c, 0xa3, 0xaf));
    axis.setTickMarkPaint(new Color(0x9c, 0xa3, 0xaf));
    axis.setTickMarkOutsideLength(3f);
    axis.setTickMarkInsideLength(0f);
  }

  /**
   * The points to draw. A step series gets a corner before each change, so that it too can be
   * drawn as one path: the library's step renderer writes one SVG element per segment.
   */
  private static XYSeries points(TimeSeries s, Axes axes, int budget) {
    XYSeries xy = new XYSeries(s.name(), false, true);
    boolean step = s.shape() == TimeSeries.Shape.STEP;
    int previous = -1;
    for (int i : Downsampler.keep(s, step ? budget / 2 : budget)) {
      double t = s.time(i) / axes.secondsPerUnit();
      if (step && previous >= 0 && s.value(previous) != s.value(i)) {
        xy.add(t, s.value(previous), false);
      }
      xy.add(t, s.value(i), false);
      previous = i;
    }
    return xy;
  }

  private static XYItemRenderer renderer(int index, Color base) {
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    r.setDrawSeriesLineAsPath(true);
    r.setSeriesPaint(0, Palette.shade(base, index));
    float[] dash = DASHES[index % DASHES.length];
    r.setSeriesStroke(0, dash == null
        ? new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
        : new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
    r.setDefaultShapesVisible(false);
    return r;
  }

  /** Coordinates to at most two decimals, without locale or exponent: smaller and stable. */
  static String twoDecimals(double d) {
    long hundredths = Math.round(d * 100);
    long whole = Math.abs(hundredths) / 100;
    long frac = Math.abs(hundredths) % 100;
    String sign = hundredths < 0 ? "-" : "";
    if (frac == 0) {
      return sign + whole;
    }
    return sign + whole + (frac % 10 == 0 ? "." + frac / 10 : (frac < 10 ? ".0" : ".") + frac);
  }
}
