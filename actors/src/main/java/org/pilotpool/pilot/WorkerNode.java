package org.pilotpool.pilot;

import java.util.Objects;
import org.apache.pekko.actor.typed.ActorRef;
import org.pilotpool.model.glidein.NodeEnvironment;
import org.pilotpool.workernode.GlexecActor;

/**
 * A worker node a glidein can land on.
 *
 * @param nodeId the node's stable id
 * @param glexec the node's glexec, used by the glidein's validation and by its slots' starters
 * @param environment what the glidein's setup sees of the node (where glexec is installed)
 */
public record WorkerNode(String nodeId, ActorRef<GlexecActor.Command> glexec, NodeEnvironment environment) {
  public WorkerNode {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(glexec, "glexec");
    Objects.requireNonNull(environment, "environment");
  }
}
