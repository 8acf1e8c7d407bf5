package org.pilotpool.factory;

import java.util.Objects;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The factory asks for the work waiting per site; whoever sees the schedds and the collector
 * answers with a {@link DemandReport}.
 */
public record DemandQuery(ActorRef<DemandReport> replyTo) {
  public DemandQuery {
    Objects.requireNonNull(replyTo, "replyTo");
  }
}
