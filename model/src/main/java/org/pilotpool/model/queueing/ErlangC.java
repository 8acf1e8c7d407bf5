package org.pilotpool.model.queueing;

/**
 * The M/M/c queue's closed forms: the yardstick the quickstart pool (and the kernel's timing) is
 * checked against.
 */
public final class ErlangC {
  private ErlangC() {}

  /**
   * Probability that an arriving job waits, for {@code servers} servers and offered load
   * {@code load} = arrival rate x mean service time (in Erlangs). Uses the Erlang B recursion,
   * which stays finite for thousands of servers where factorials would overflow.
   */
  public static double probabilityOfWaiting(int servers, double load) {
    if (servers < 1 || load <= 0 || load >= servers) {
      throw new IllegalArgumentException("need servers >= 1 and 0 < load < servers");
    }
    double b = 1.0;
    for (int k = 1; k <= servers; k++) {
      b = load * b / (k + load * b);
    }
    double rho = load / servers;
    return b / (1 - rho * (1 - b));
  }

  /** Mean time in queue, in units of the mean service time's unit. */
  public static double meanWait(int servers, double arrivalRate, double meanService) {
    double load = arrivalRate * meanService;
    double serviceRate = 1.0 / meanService;
    return probabilityOfWaiting(servers, load) / (servers * serviceRate - arrivalRate);
  }
}
