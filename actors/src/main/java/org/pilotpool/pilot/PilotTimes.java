package org.pilotpool.pilot;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.pilotpool.model.input.BadInputException;

/**
 * A glidein's clock, counted from the moment it starts on the worker node.
 *
 * @param maxWalltime {@code GLIDEIN_Max_Walltime}: the glidein's whole life; at its end the slots
 *     are shut down, running jobs evicted
 * @param retireTime {@code GLIDEIN_Retire_Time}: from then on the slots accept no new jobs and the
 *     running ones finish
 * @param retireSpread {@code GLIDEIN_Retire_Time_Spread}: each glidein retires up to this much
 *     earlier, at random, so that a batch of glideins does not retire at once
 */
public record PilotTimes(Duration maxWalltime, Duration retireTime, Duration retireSpread) {
  /** condor_startup.sh never lets the randomized retire time fall below ten minutes. */
  public static final Duration MIN_RETIRE_TIME = Duration.ofMinutes(10);

  public PilotTimes {
    Objects.requireNonNull(maxWalltime, "maxWalltime");
    Objects.requireNonNull(retireTime, "retireTime");
    Objects.requireNonNull(retireSpread, "retireSpread");
    if (maxWalltime.isZero() || maxWalltime.isNegative()) {
      throw new BadInputException(null, 0, "glidein.max-walltime", "expected a positive duration, got " + maxWalltime);
    }
    if (retireSpread.isNegative()) {
      throw new BadInputException(null, 0, "glidein.retire-time-spread", "expected 0 or more, got " + retireSpread);
    }
    if (retireTime.compareTo(MIN_RETIRE_TIME) < 0 || retireTime.compareTo(maxWalltime) >= 0) {
      throw new BadInputException(null, 0, "glidein.retire-time",
          "expected at least " + MIN_RETIRE_TIME + " and less than glidein.max-walltime (" + maxWalltime
              + "), got " + retireTime);
    }
  }

  /** No spread: every glidein retires exactly at {@code retireTime}. */
  public static PilotTimes of(Duration maxWalltime, Duration retireTime) {
    return new PilotTimes(maxWalltime, retireTime, Duration.ZERO);
  }

  /**
   * This glidein's retire time, as condor_startup.sh draws it: {@code retireTime - spread * r / 100}
   * with r uniform in 0..99, and never below {@link #MIN_RETIRE_TIME}.
   */
  public Duration drawRetireTime(RandomGenerator random) {
    if (retireSpread.isZero()) {
      return retireTime;
    }
    Duration early = retireSpread.multipliedBy(random.nextInt(100)).dividedBy(100);
    Duration drawn = retireTime.minus(early);
    return drawn.compareTo(MIN_RETIRE_TIME) < 0 ? MIN_RETIRE_TIME : drawn;
  }
}
