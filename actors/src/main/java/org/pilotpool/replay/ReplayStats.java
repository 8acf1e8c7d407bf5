package org.pilotpool.replay;

import java.util.List;

/**
 * A replay's figures in bounded memory: job counts, the simulated wait of every job that started
 * and the wait its trace recorded (for the jobs whose trace says), and sampled series of queued
 * jobs, running jobs and busy cores.
 */
public final class ReplayStats implements ReplayListener {
  /** Series indices in {@link #series()}. */
  public static final int QUEUED = 0;
  public static final int RUNNING = 1;
  public static final int BUSY_CORES = 2;

  private final StepSampler series;
  private final WaitRecorder simulated = new WaitRecorder();
  private final WaitRecorder recorded = new WaitRecorder();
  private long submitted;
  private long started;
  private long ended;
  private long rejected;
  private long busyCoreNanos;

  /**
   * @param sampleIntervalNanos the series' finest interval
   * @param maxPoints points kept per series
   */
  public ReplayStats(long sampleIntervalNanos, int maxPoints) {
    this.series = new StepSampler(List.of("queued", "running", "busy cores"), sampleIntervalNanos, maxPoints);
  }

  @Override
  public void submitted(ReplayJob job, long atNanos) {
    series.advanceTo(atNanos);
    series.add(QUEUED, 1);
    submitted++;
  }

  @Override
  public void started(ReplayJob job, long atNanos, String slot) {
    series.advanceTo(atNanos);
    series.add(QUEUED, -1);
    series.add(RUNNING, 1);
    series.add(BUSY_CORES, job.cpus());
    started++;
    simulated.record((atNanos - job.submitNanos()) / 1e9);
    job.trace().recordedWaitSeconds().ifPresent(recorded::record);
  }

  @Override
  public void ended(ReplayJob job, long startNanos, long endNanos, String slot) {
    series.advanceTo(endNanos);
    series.add(RUNNING, -1);
    series.add(BUSY_CORES, -job.cpus());
    busyCoreNanos += (endNanos - startNanos) * job.cpus();
    ended++;
  }

  @Override
  public void rejected(ReplayJob job, long atNanos, String reason) {
    series.advanceTo(atNanos);
    series.add(QUEUED, -1);
    rejected++;
  }

  /** Samples the series up to the end of the run. */
  public void finish(long endNanos) {
    series.advanceTo(endNanos);
  }

  public long submitted() {
    return submitted;
  }

  public long started() {
    return started;
  }

  public long ended() {
    return ended;
  }

  public long rejected() {
    return rejected;
  }

  /** Core-seconds of work done. */
  public double busyCoreSeconds() {
    return busyCoreNanos / 1e9;
  }

  /** Waits in the replay, over the jobs that started. */
  public WaitStats simulatedWait() {
    return simulated.stats();
  }

  /** Waits the trace recorded, over the jobs that started in the replay and have one. */
  public WaitStats recordedWait() {
    return recorded.stats();
  }

  public StepSampler series() {
    return series;
  }
}
