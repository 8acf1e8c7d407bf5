package org.pilotpool.pool;

import java.time.Instant;
import org.pilotpool.model.glexec.GlexecOperation;

/** One glexec call as it left a starter or procd for the node's glexec. */
public record GlexecCallRecord(Instant time, String node, GlexecOperation operation,
    String callId) {}
