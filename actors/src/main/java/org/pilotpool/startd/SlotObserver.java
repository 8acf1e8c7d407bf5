package org.pilotpool.startd;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * Hears a startd's slot events as they happen, in the startd's own turn: the pool records them
 * and passes on what others act on, as the schedd hands its events to its journal. Every startd of
 * a pool calls the same observer, so an implementation does only thread-safe work (a
 * synchronized record, tells, a concurrent map).
 */
@FunctionalInterface
public interface SlotObserver {
  /**
   * @param startd the startd the event happened at
   */
  void observed(SlotEvent event, ActorRef<Startd.Command> startd);
}
