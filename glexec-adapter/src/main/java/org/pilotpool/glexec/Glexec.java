package org.pilotpool.glexec;

import java.util.concurrent.CompletionStage;
import org.pilotpool.model.glexec.GlexecInvocation;
import org.pilotpool.model.glexec.GlexecResult;

/**
 * The one way the pool calls glexec: a real binary on a worker node, or a simulated site. Callers
 * build invocations with {@link GlexecPayloads} and react to the classified result.
 */
public interface Glexec {

  /**
   * Runs one glexec call. The stage always completes normally: every failure, including the
   * adapter's own (binary missing, timeout, broken pipe), is a classified {@link GlexecResult}.
   */
  CompletionStage<GlexecResult> invoke(GlexecInvocation invocation);
}
