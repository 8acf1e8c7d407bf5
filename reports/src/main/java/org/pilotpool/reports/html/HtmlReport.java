package org.pilotpool.reports.html;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pilotpool.reports.Numbers;
import org.pilotpool.reports.ResultsFolder;
import org.pilotpool.reports.model.Headline;
import org.pilotpool.reports.model.RunReport;
import org.pilotpool.reports.model.Table;
import org.pilotpool.reports.model.TimeSeries;
import org.pilotpool.reports.model.Topic;
import org.pilotpool.reports.model.Variant;

/**
 * Renders a {@link RunReport} as {@code report.html}: the story, the verdict with the headline
 * figures compared across variants (best highlighted), one row of small charts per topic with
 * one chart per variant on shared axes, then the tables. The page is self-contained (it opens
 * with no network) and byte-identical for the same input.
 */
public final class HtmlReport {
  /** The file's name in the results folder. */
  public static final String FILE_NAME = "report.html";

  /** The width of a section's content on a wide screen, in CSS pixels (see {@link Css}). */
  private static final int ROW_WIDTH = 1226;
  private static final int GAP = 20;
  private static final int MAX_COLUMNS = 3;
  private static final int CHART_HEIGHT = 250;
  private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9][0-9,]*(\\.[0-9]+)?\\s?%?");

  private final RunReport report;
  private final StringBuilder out = new StringBuilder(64 * 1024);

  private HtmlReport(RunReport report) {
    this.report = report;
  }

  /** Writes {@value #FILE_NAME} into {@code folder}. */
  public static Path write(ResultsFolder folder, RunReport report) {
    String page = render(report);
    return folder.write(FILE_NAME, w -> {
      try {
        w.write(page);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The whole page. */
  public static String render(RunReport report) {
    HtmlReport r = new HtmlReport(report);
    r.page();
    return r.out.toString();
  }

  private void page() {
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(report.scenario())).append(" · pilotpool report</title>\n")
        .append("<style>\n").append(Css.PAGE);
    for (int v = 0; v < variants().size(); v++) {
      out.append(".v").append(v).append("{--c:").append(Palette.css(Palette.variant(v)))
          .append("}\n");
    }
    out.append("</style>\n</head>\n<body>\n<main>\n");
    header();
    verdict();
    charts();
    tables();
    out.append("<footer>Time is virtual time since the start of the run. Charts of one topic "
        + "share their axes across variants; long series are thinned to their extremes for "
        + "drawing, timeseries.csv holds every point.</footer>\n");
    out.append("</main>\n</body>\n</html>\n");
  }

  private void header() {
    out.append("<header>\n<p class=\"kicker\">pilotpool scenario report</p>\n<h1>")
        .append(esc(report.scenario())).append("</h1>\n<p class=\"story\">")
        .append(esc(report.story())).append("</p>\n</header>\n");
  }

  private void verdict() {
    out.append("<section>\n<h2>Verdict</h2>\n<div class=\"row\" style=\"")
        .append(columns()).append("\">\n");
    for (int v = 0; v < variants().size(); v++) {
      Variant variant = variants().get(v);
      out.append("<article class=\"card v").append(v).append("\">\n<h3><span class=\"swatch\">"
          + "</span>").append(esc(variant.name())).append("</h3>\n");
      if (!variant.knobs().isEmpty()) {
        out.append("<ul class=\"knobs\">");
        variant.knobs().forEach((k, val) -> out.append("<li><code>").append(esc(k))
            .append(" = ").append(esc(val)).append("</code></li>"));
        out.append("</ul>\n");
      }
      out.append("<p class=\"says\">").append(esc(variant.verdict())).append("</p>\n</article>\n");
    }
    out.append("</div>\n");
    headlineTable();
    out.append("</section>\n");
  }

  private void headlineTable() {
    Map<String, List<Optional<Headline>>> rows = new LinkedHashMap<>();
    for (int v = 0; v < variants().size(); v++) {
      for (Headline h : variants().get(v).headlines()) {
        List<Optional<Headline>> row = rows.computeIfAbsent(h.name(), k -> emptyRow());
        row.set(v, Optional.of(h));
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    out.append("<table class=\"headlines\">\n<thead><tr><th>headline figure</th>");
    for (int v = 0; v < variants().size(); v++) {
      out.append("<th class=\"num v").append(v).append("\"><span class=\"swatch\"></span>")
          .append(esc(variants().get(v).name())).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    rows.forEach((name, row) -> {
      Headline first = row.stream().flatMap(Optional::stream).findFirst().orElseThrow();
      Optional<Double> best = best(row, first.lowerIsBetter());
      out.append("<tr><th>").append(esc(name)).append(" <span class=\"dir\">")
          .append(first.lowerIsBetter() ? "lower is better" : "higher is better")
          .append("</span></th>");
      for (Optional<Headline> cell : row) {
        if (cell.isEmpty()) {
          out.append("<td class=\"num missing\">–</td>");
          continue;
        }
        Headline h = cell.get();
        boolean isBest = best.isPresent() && best.get() == h.value();
        out.append("<td class=\"num").append(isBest ? " best" : "").append("\">")
            .append(Numbers.readable(h.value()));
        if (!h.unit().isEmpty()) {
          out.append(" <span class=\"unit\">").append(esc(h.unit())).append("</span>");
        }
        out.append("</td>");
      }
      out.append("</tr>\n");
    });
    out.append("</tbody>\n</table>\n");
  }

  /** The best value of a row, when there is something to compare and the values differ. */
  private static Optional<Double> best(List<Optional<Headline>> row, boolean lowerIsBetter) {
    List<Double> values = row.stream().flatMap(Optional::stream).map(Headline::value).toList();
    if (values.size() < 2 || values.stream().distinct().count() == 1) {
      return Optional.empty();
    }
    return lowerIsBetter
        ? values.stream().min(Double::compare)
        : values.stream().max(Double::compare);
  }

  private void charts() {
    Map<String, List<Optional<Topic>>> topics = new LinkedHashMap<>();
    for (int v = 0; v < variants().size(); v++) {
      for (Topic t : variants().get(v).topics()) {
        topics.computeIfAbsent(t.title(), k -> emptyRow()).set(v, Optional.of(t));
      }
    }
    if (topics.isEmpty()) {
      return;
    }
    int width = chartWidth();
    Map<String, Axes> axesByTopic = new LinkedHashMap<>();
    topics.forEach((title, row) -> {
      List<TimeSeries> all = new ArrayList<>();
      row.stream().flatMap(Optional::stream).forEach(t -> all.addAll(t.series()));
      axesByTopic.put(title, Axes.spanning(all));
    });
    double valueAxisWidth = axesByTopic.values().stream().mapToDouble(SvgChart::valueAxisWidth)
        .max().orElseThrow();
    out.append("<section>\n<h2>Over time</h2>\n");
    int topicIndex = 0;
    for (Map.Entry<String, List<Optional<Topic>>> e : topics.entrySet()) {
      List<Optional<Topic>> row = e.getValue();
      Axes axes = axesByTopic.get(e.getKey());
      String unit = row.stream().flatMap(Optional::stream).findFirst().orElseThrow().unit();
      out.append("<div class=\"topic\">\n<h3>").append(esc(e.getKey()));
      if (!unit.isEmpty()) {
        out.append(" <span class=\"unit\">").append(esc(unit)).append("</span>");
      }
      out.append("</h3>\n<div class=\"row\" style=\"").append(columns()).append("\">\n");
      for (int v = 0; v < row.size(); v++) {
        out.append("<figure class=\"v").append(v).append("\"><figcaption><span class=\"swatch\">"
            + "</span>").append(esc(variants().get(v).name())).append("</figcaption>\n");
        if (row.get(v).isPresent()) {
          Topic t = row.get(v).get();
          Color colour = Palette.variant(v);
          String id = "t" + topicIndex + "v" + v;
          out.append(SvgChart.render(id, t.series(), axes, valueAxisWidth, colour, width,
              CHART_HEIGHT))
              .append('\n');
        } else {
          out.append("<div class=\"none\" style=\"aspect-ratio:").append(width).append('/')
              .append(CHART_HEIGHT).append("\">not reported in this variant</div>\n");
        }
        out.append("</figure>\n");
      }
      out.append("</div>\n</div>\n");
      topicIndex++;
    }
    out.append("</section>\n");
  }

  private void tables() {
    Map<String, List<Optional<Table>>> tables = new LinkedHashMap<>();
    for (int v = 0; v < variants().size(); v++) {
      for (Table t : variants().get(v).tables()) {
        tables.computeIfAbsent(t.title(), k -> emptyRow()).set(v, Optional.of(t));
      }
    }
    if (tables.isEmpty()) {
      return;
    }
    out.append("<section>\n<h2>Tables</h2>\n");
    tables.forEach((title, row) -> {
      out.append("<div class=\"topic\">\n<h3>").append(esc(title)).append("</h3>\n")
          .append("<div class=\"row\" style=\"").append(columns()).append("\">\n");
      for (int v = 0; v < row.size(); v++) {
        out.append("<div class=\"cell v").append(v).append("\"><p class=\"caption\">"
            + "<span class=\"swatch\"></span>").append(esc(variants().get(v).name()))
            .append("</p>\n");
        if (row.get(v).isEmpty()) {
          out.append("<p class=\"none\">not reported in this variant</p>\n");
        } else {
          table(row.get(v).get());
        }
        out.append("</div>\n");
      }
      out.append("</div>\n</div>\n");
    });
    out.append("</section>\n");
  }

  private void table(Table t) {
    if (t.rows().isEmpty()) {
      out.append("<p class=\"none\">none</p>\n");
      return;
    }
    boolean[] numeric = new boolean[t.columns().size()];
    for (int c = 0; c < numeric.length; c++) {
      final int col = c;
      numeric[c] = t.rows().stream().allMatch(r -> NUMBER.matcher(r.get(col)).matches()
          || r.get(col).isEmpty());
    }
    out.append("<table class=\"data\">\n<thead><tr>");
    for (int c = 0; c < numeric.length; c++) {
      out.append(numeric[c] ? "<th class=\"num\">" : "<th>").append(esc(t.columns().get(c)))
          .append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (List<String> r : t.rows()) {
      out.append("<tr>");
      for (int c = 0; c < numeric.length; c++) {
        out.append(numeric[c] ? "<td class=\"num\">" : "<td>").append(esc(r.get(c)))
            .append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");
  }

  private List<Variant> variants() {
    return report.variants();
  }

  private <T> List<Optional<T>> emptyRow() {
    List<Optional<T>> row = new ArrayList<>(variants().size());
    for (int i = 0; i < variants().size(); i++) {
      row.add(Optional.empty());
    }
    return row;
  }

  /** Variants side by side, wrapping after {@value #MAX_COLUMNS} so that charts stay legible. */
  private int columnCount() {
    return Math.min(MAX_COLUMNS, variants().size());
  }

  private String columns() {
    return "grid-template-columns:repeat(" + columnCount() + ",minmax(0,1fr))";
  }

  /** Drawn at the size shown, so that chart text matches the page's text. */
  private int chartWidth() {
    int n = columnCount();
    return (ROW_WIDTH - GAP * (n - 1)) / n;
  }

  private static String esc(String text) {
    return Html.escape(text);
  }
}
