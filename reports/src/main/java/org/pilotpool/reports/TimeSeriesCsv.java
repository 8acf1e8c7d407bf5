package org.pilotpool.reports;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.pilotpool.reports.model.RunReport;
import org.pilotpool.reports.model.TimeSeries;
import org.pilotpool.reports.model.Topic;
import org.pilotpool.reports.model.Variant;

/**
 * Writes every time series of a run, at full resolution, as one long-format CSV: {@code variant,
 * series, t_s, value}, in the report's order (variant, topic, series, time).
 */
public final class TimeSeriesCsv {
  /** The file's name in the results folder. */
  public static final String FILE_NAME = "timeseries.csv";

  private static final List<String> HEADER = List.of("variant", "series", "t_s", "value");

  private TimeSeriesCsv() {}

  /** Writes {@value #FILE_NAME} into {@code folder}. */
  public static Path write(ResultsFolder folder, RunReport report) {
    // Rows are produced while writing: a long run's series need not exist twice in memory.
    Iterable<List<String>> rows = () -> new RowIterator(report);
    return folder.writeCsv(FILE_NAME, HEADER, rows);
  }

  private static final class RowIterator implements Iterator<List<String>> {
    private final Iterator<Variant> variants;
    private Variant variant;
    private Iterator<Topic> topics = List.<Topic>of().iterator();
    private Iterator<TimeSeries> series = List.<TimeSeries>of().iterator();
    private TimeSeries current;
    private int point;

    RowIterator(RunReport report) {
      this.variants = report.variants().iterator();
    }

    @Override
    public boolean hasNext() {
      while (current == null || point >= current.size()) {
        if (series.hasNext()) {
          current = series.next();
          point = 0;
        } else if (topics.hasNext()) {
          series = topics.next().series().iterator();
        } else if (variants.hasNext()) {
          variant = variants.next();
          topics = variant.topics().iterator();
        } else {
          return false;
        }
      }
      return true;
    }

    @Override
    public List<String> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      List<String> row = List.of(variant.name(), current.name(),
          Numbers.plain(current.time(point)), Numbers.plain(current.value(point)));
      point++;
      return row;
    }
  }
}
