package org.pilotpool.reports.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotpool.reports.ResultsFolder;
import org.pilotpool.reports.model.Headline;
import org.pilotpool.reports.model.RunReport;
import org.pilotpool.reports.model.Table;
import org.pilotpool.reports.model.TimeSeries;
import org.pilotpool.reports.model.TimeSeries.Shape;
import org.pilotpool.reports.model.Topic;
import org.pilotpool.reports.model.Variant;

class HtmlReportTest {
  private static RunReport sample;
  private static String page;

  @TempDir Path dir;

  @BeforeAll
  static void renderTheSampleOnce() {
    sample = SampleReports.massRemoval();
    page = HtmlReport.render(sample);
  }

  @Test
  void sameInputGivesAByteIdenticalPage() throws IOException {
    Path first = HtmlReport.write(ResultsFolder.at(dir.resolve("a")), SampleReports.massRemoval());
    Path second = HtmlReport.write(ResultsFolder.at(dir.resolve("b")), SampleReports.massRemoval());
    assertEquals("report.html", first.getFileName().toString());
    assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
  }

  @Test
  void thePageReferencesNothingOnTheNetworkButTheSvgNamespace() {
    String withoutNamespace = page.replace("xmlns='http://www.w3.org/2000/svg'", "");
    Matcher m = Pattern.compile("(?i)https?:").matcher(withoutNamespace);
    assertFalse(m.find(), () -> "network reference at "
        + withoutNamespace.substring(m.start(), Math.min(withoutNamespace.length(), m.start() + 80)));
    assertFalse(page.contains("<script"), "the page runs no scripts");
    assertFalse(page.contains("@import") || page.contains("@font-face") || page.contains("url(http"));
  }

  @Test
  void everyChartIdIsFixedByTopicAndVariant() {
    Matcher m = Pattern.compile("id='([^']*)'").matcher(page);
    int ids = 0;
    while (m.find()) {
      assertTrue(m.group(1).matches("t\\d+v\\d+(-clip-\\d+)?"), "unexpected id " + m.group(1));
      ids++;
    }
    assertTrue(ids >= 12, "expected an id per chart, found " + ids);
  }

  @Test
  void everyIdInThePageIsUnique() {
    Set<String> seen = new HashSet<>();
    Matcher m = Pattern.compile(" id='([^']*)'").matcher(page);
    while (m.find()) {
      assertTrue(seen.add(m.group(1)), "repeated id " + m.group(1));
    }
  }

  @Test
  void chartTextIsTextInASansSerifFontNotGlyphOutlines() {
    String chart = svg(page, "t0v0");
    assertTrue(tickLabels(chart).containsAll(List.of("0", "1,200", "virtual time (min)")),
        "labels " + tickLabels(chart));
    assertTrue(chart.contains("font-family='sans-serif'"), "no sans-serif fallback");
    assertFalse(chart.contains("<font") || chart.contains("<glyph"), "embedded font");
  }

  @Test
  void chartCoordinatesHaveAtMostTwoDecimals() {
    Matcher m = Pattern.compile("\\d\\.\\d{3,}").matcher(svg(page, "t2v0"));
    assertFalse(m.find(), () -> "long number " + m.group());
  }

  @Test
  void chartsCarryNoGeneratorCommentOrXmlProlog() {
    String charts = page.substring(page.indexOf("<svg"), page.lastIndexOf("</svg>"));
    assertFalse(charts.contains("<!--"), "comment in a chart");
    assertFalse(charts.contains("<?xml") || charts.contains("<!DOCTYPE"), "prolog in a chart");
  }

  @Test
  void chartsOfOneTopicShareTheirAxesAcrossVariants() {
    // Topic 1 is the authz queue: variant 0 peaks at 500, variant 1 at 14.
    List<String> burst = tickLabels(svg(page, "t1v0"));
    List<String> spread = tickLabels(svg(page, "t1v1"));
    assertTrue(burst.contains("500"), "burst axis " + burst);
    assertEquals(burst, spread);
  }

  @Test
  void aLongSeriesIsDrawnWithAtMostAThousandPoints() {
    TimeSeries.Builder b = TimeSeries.builder("arrivals", Shape.LINE);
    for (int i = 0; i < 200_000; i++) {
      b.add(i, i == 123_456 ? 5000 : i % 13);
    }
    RunReport big = new RunReport("big", "a long run", List.of(variant("only",
        List.of(new Topic("arrivals", "requests/s", List.of(b.build()))), List.of())));
    String html = HtmlReport.render(big);
    String path = Pattern.compile("<path d='([^']*)'").matcher(svg(html, "t0v0")).results()
        .map(r -> r.group(1)).max((x, y) -> Integer.compare(x.length(), y.length()))
        .orElseThrow();
    long vertices = path.chars().filter(c -> c == 'L' || c == 'M').count();
    assertTrue(vertices <= 1000, "vertices " + vertices);
    assertTrue(html.length() < 200_000, "page is " + html.length() + " chars");
    assertTrue(tickLabels(svg(html, "t0v0")).contains("5,000"), "the spike set the axis");
  }

  @Test
  void userTextIsEscaped() {
    String nasty = "<script>alert(\"x\")</script> & 'quoted'";
    RunReport report = new RunReport(nasty, "story " + nasty, List.of(
        Variant.of("A <" + nasty, Map.of("KNOB<", nasty), nasty,
            List.of(new Headline(nasty, 1, nasty, true)),
            List.of(new Topic(nasty, nasty, List.of(TimeSeries.of(nasty, Shape.LINE,
                new double[] {0, 1}, new double[] {0, 1}),
                TimeSeries.of(nasty + "2", Shape.STEP, new double[] {0, 1},
                    new double[] {1, 0})))),
            List.of(new Table(nasty, List.of(nasty), List.of(List.of(nasty)))))));
    String html = HtmlReport.render(report);
    assertFalse(html.contains("<script"), "raw markup from user text");
    assertFalse(html.contains("\"x\""), "raw double quotes from user text");
    assertFalse(html.contains(" & "), "raw ampersand from user text");
    assertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;"));
  }

  @Test
  void theBestHeadlineValueIsHighlightedAccordingToItsDirection() {
    RunReport report = new RunReport("s", "story", List.of(
        variant("a", List.of(), List.of(new Headline("rejections", 1300, "calls", true),
            new Headline("jobs done", 10, "", false))),
        variant("b", List.of(), List.of(new Headline("rejections", 0, "calls", true),
            new Headline("jobs done", 12, "", false)))));
    String html = HtmlReport.render(report);
    assertTrue(html.contains("<td class=\"num best\">0 <span class=\"unit\">calls</span>"), html);
    assertTrue(html.contains("<td class=\"num\">1,300 <span class=\"unit\">calls</span>"));
    assertTrue(html.contains("<td class=\"num best\">12</td>"));
    assertTrue(html.contains("<td class=\"num\">10</td>"));
  }

  @Test
  void aTopicMissingFromOneVariantLeavesAMarkedGapInItsRow() {
    TimeSeries s = TimeSeries.of("q", Shape.STEP, new double[] {0, 10}, new double[] {1, 2});
    RunReport report = new RunReport("s", "story", List.of(
        variant("a", List.of(new Topic("queue", "requests", List.of(s))), List.of()),
        variant("b", List.of(), List.of())));
    String html = HtmlReport.render(report);
    assertTrue(html.contains("id='t0v0'"));
    assertFalse(html.contains("id='t0v1'"));
    assertTrue(html.contains("not reported in this variant"));
  }

  private static Variant variant(String name, List<Topic> topics, List<Headline> headlines) {
    return Variant.of(name, Map.of(), "verdict", headlines, topics, List.of());
  }

  private static String svg(String html, String id) {
    Matcher m = Pattern.compile("<svg id='" + id + "'.*?</svg>", Pattern.DOTALL).matcher(html);
    assertTrue(m.find(), "no chart " + id);
    return m.group();
  }

  private static List<String> tickLabels(String svg) {
    List<String> labels = new ArrayList<>();
    Matcher m = Pattern.compile("<text[^>]*>([^<]*)</text>").matcher(svg);
    while (m.find()) {
      labels.add(m.group(1));
    }
    return labels;
  }
}
