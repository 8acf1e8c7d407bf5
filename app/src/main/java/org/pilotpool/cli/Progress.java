package org.pilotpool.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.pilotpool.kernel.ProgressListener;

/**
 * Shows how far a simulation has got: a progress bar on a terminal, a plain line every few
 * seconds elsewhere (CI logs, pipes). It is the only place a run looks at the wall clock, and
 * what it prints goes to standard error, never into results.
 */
final class Progress implements ProgressListener, AutoCloseable {
  private final Instant epoch;
  private final PrintStream err;
  private final long lineEveryNanos;
  private final ProgressBar bar;
  private final long startedAt = System.nanoTime();
  private long lastLineAt = startedAt;
  private long lastPermille = -1;
  private long lastEvents;

  private Progress(Instant epoch, Duration lineEvery, PrintStream err, boolean terminal, String task) {
    this.epoch = epoch;
    this.err = err;
    this.lineEveryNanos = lineEvery.toNanos();
    this.bar = terminal
        ? new ProgressBarBuilder().setTaskName(task).setInitialMax(1000).setUnit("‰", 1)
            .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err))
            .hideEta().build()
        : null;
  }

  /** A bar when standard error is a terminal and no CI is set; otherwise periodic lines. */
  static Progress forRun(Instant epoch, Duration lineEvery, PrintStream err, String task) {
    boolean terminal = System.console() != null && System.getenv("CI") == null;
    return new Progress(epoch, lineEvery, err, terminal, task);
  }

  /** Plain lines, at most one per {@code lineEvery} of wall time, whatever the output is. */
  static Progress lines(Instant epoch, Duration lineEvery, PrintStream err) {
    return new Progress(epoch, lineEvery, err, false, "");
  }

  @Override
  public void onProgress(long virtualNanos, long endNanos, long events) {
    lastEvents = events;
    long permille = endNanos <= 0 ? 1000 : Math.min(1000, virtualNanos * 1000 / endNanos);
    if (bar != null) {
      if (permille != lastPermille) {
        lastPermille = permille;
        bar.stepTo(permille);
        bar.setExtraMessage(String.format(Locale.ROOT, " %s  %s", virtual(virtualNanos), rate(events)));
      }
      return;
    }
    long now = System.nanoTime();
    if (now - lastLineAt >= lineEveryNanos) {
      lastLineAt = now;
      err.printf(Locale.ROOT, "progress: virtual %s (%.1f%%), %,d events, %s%n",
          virtual(virtualNanos), permille / 10.0, events, rate(events));
    }
  }

  /** Wall seconds since the run started. */
  double elapsedSeconds() {
    return (System.nanoTime() - startedAt) / 1e9;
  }

  long events() {
    return lastEvents;
  }

  private String virtual(long virtualNanos) {
    return epoch.plusNanos(virtualNanos).toString();
  }

  private String rate(long events) {
    double s = elapsedSeconds();
    return String.format(Locale.ROOT, "%,.0f events/s", s <= 0 ? 0 : events / s);
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
