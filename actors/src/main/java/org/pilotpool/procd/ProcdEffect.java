package org.pilotpool.procd;

import java.time.Duration;
import org.pilotpool.model.glexec.GlexecInvocation;

/** What {@link ProcdLogic} asks of the world. */
public sealed interface ProcdEffect {
  /** Call glexec now. */
  record Invoke(String callId, GlexecInvocation invocation) implements ProcdEffect {}

  /** Call again for {@code pid} after {@code delay} (a 202/203 retry). */
  record RetryAfter(int pid, Duration delay) implements ProcdEffect {}

  /** The kill is over. */
  record Done(FamilyKillReport report) implements ProcdEffect {}
}
