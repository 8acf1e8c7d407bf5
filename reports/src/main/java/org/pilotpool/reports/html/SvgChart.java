package org.pilotpool.reports.html;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGIDGenerator;
import org.apache.batik.svggen.SVGSyntax;
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
import org.pilotpool.reports.Numbers;
import org.pilotpool.reports.model.TimeSeries;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

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
   *     the library's own ids would repeat from chart to chart
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

    SVGGraphics2D g = graphics(id);
    g.setSVGCanvasSize(new Dimension(width, height));
    chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    Element svg = g.getRoot();
    // Sized by the page's CSS through the view box; the rest restate defaults browsers apply.
    for (String attribute : List.of("width", "height", "version", "contentScriptType",
        "contentStyleType", "preserveAspectRatio", "zoomAndPan")) {
      svg.removeAttribute(attribute);
    }
    svg.setAttribute("id", id);
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    unnameDefs(svg);
    return SvgMarkup.of(svg);
  }

  /**
   * Nothing refers to a {@code defs} element by id, and the generator gives every chart's
   * outermost one the same fixed id, which would repeat in the page: drop those ids, and the
   * definitions containers left empty.
   */
  private static void unnameDefs(Element svg) {
    NodeList defs = svg.getElementsByTagNameNS(SVGSyntax.SVG_NAMESPACE_URI,
        SVGSyntax.SVG_DEFS_TAG);
    // A live list: walk it backwards so that removals do not shift what is still to come.
    for (int i = defs.getLength() - 1; i >= 0; i--) {
      Element d = (Element) defs.item(i);
      d.removeAttribute("id");
      if (!d.hasChildNodes()) {
        d.getParentNode().removeChild(d);
      }
    }
  }

  /** Room for the widest tick label these axes may get, and the tick mark. */
  static double valueAxisWidth(Axes axes) {
    FontMetrics metrics = graphics("measure").getFontMetrics(TICK_FONT);
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

  /** No axis label: the page's heading names the unit, and the row's charts share the axis. */
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

  /**
   * A fresh SVG canvas: text as text, not glyph outlines, so that it stays small and readable
   * and needs no fonts embedded; coordinates to two decimals; no generator comment; ids from
   * {@link ChartIds}.
   */
  private static SVGGraphics2D graphics(String id) {
    Document document;
    try {
      document = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
          .createDocument(SVGSyntax.SVG_NAMESPACE_URI, SVGSyntax.SVG_SVG_TAG, null);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's default XML document builder is unavailable", e);
    }
    SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
    context.setIDGenerator(new ChartIds(id));
    context.setComment(null);
    context.setPrecision(2);
    context.setEmbeddedFontsOn(false);
    // The root's inherited font; the library's default would name Java's logical Dialog font.
    SVGGeneratorContext.GraphicContextDefaults defaults =
        new SVGGeneratorContext.GraphicContextDefaults();
    defaults.setFont(new Font(FONT, Font.PLAIN, 12));
    context.setGraphicContextDefaults(defaults);
    return new SVGGraphics2D(context, false);
  }

  /**
   * Ids derived from the chart's own id and a count per kind, such as {@code t1v0-clip-3}: unique
   * in the page (several charts share it) and the same on every run.
   */
  private static final class ChartIds extends SVGIDGenerator {
    private final String chartId;
    // Looked up only, never iterated: its order cannot reach the output.
    private final Map<String, Integer> used = new HashMap<>();

    ChartIds(String chartId) {
      this.chartId = chartId;
    }

    @Override
    public String generateID(String prefix) {
      String kind = prefix.equals(SVGSyntax.ID_PREFIX_CLIP_PATH) ? "clip" : prefix;
      int n = used.merge(kind, 1, Integer::sum) - 1;
      return chartId + "-" + kind + "-" + n;
    }
  }
}
