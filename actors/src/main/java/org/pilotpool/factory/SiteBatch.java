package org.pilotpool.factory;

import java.util.random.RandomGenerator;
import org.pilotpool.pilot.Landing;

/** A site's batch system as the factory sees it: where and after how long a submitted glidein starts. */
@FunctionalInterface
public interface SiteBatch {

  /**
   * @param random the glidein's own stream, so that placement does not depend on submission order
   *     across sites
   */
  Landing place(String pilotId, RandomGenerator random);
}
