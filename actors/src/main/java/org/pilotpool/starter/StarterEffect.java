package org.pilotpool.starter;

import java.time.Duration;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.glexec.GlexecInvocation;
import org.pilotpool.procd.ProcessFamily;

/** What {@link StarterLogic} asks of the world. */
public sealed interface StarterEffect {
  /** Call glexec. */
  record Invoke(String callId, GlexecInvocation invocation) implements StarterEffect {}

  record StartTimer(StarterTimer timer, Duration delay) implements StarterEffect {}

  record CancelTimer(StarterTimer timer) implements StarterEffect {}

  /** Ask the procd to kill the family, authorized by {@code proxy}. */
  record KillFamily(ProcessFamily family, ProxyCredential proxy) implements StarterEffect {}

  /** Tell the startd. */
  record Report(StarterReport report) implements StarterEffect {}

  /** The starter has nothing left to do. */
  record Stop() implements StarterEffect {}
}
