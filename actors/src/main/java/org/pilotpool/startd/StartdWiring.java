package org.pilotpool.startd;

import java.util.Objects;
import org.apache.pekko.actor.typed.ActorRef;
import org.pilotpool.collector.Collector;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.retry.RetryPolicy;
import org.pilotpool.starter.StarterConfig;
import org.pilotpool.workernode.GlexecActor;

/**
 * Everything one slot's startd needs: the slot, the knobs of startd and starter, the node's
 * glexec and retry policy, the collector to advertise to, the pilot's proxy and who observes its
 * slot events.
 */
public record StartdWiring(
    SlotSpec slot,
    StartdConfig config,
    StarterConfig starterConfig,
    RetryPolicy retryPolicy,
    ActorRef<GlexecActor.Command> glexec,
    ActorRef<Collector.Command> collector,
    ProxyCredential pilotProxy,
    SlotObserver observer) {
  public StartdWiring {
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(starterConfig, "starterConfig");
    Objects.requireNonNull(retryPolicy, "retryPolicy");
    Objects.requireNonNull(glexec, "glexec");
    Objects.requireNonNull(collector, "collector");
    Objects.requireNonNull(pilotProxy, "pilotProxy");
    Objects.requireNonNull(observer, "observer");
  }
}
