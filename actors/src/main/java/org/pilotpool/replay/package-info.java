/**
 * Trace replay: a workload trace streamed into a pool in virtual time. {@link
 * org.pilotpool.replay.ArrivalStream} turns a trace reader into arrivals on the run's clock, one
 * job ahead; {@link org.pilotpool.replay.Replay} drives a pool through the {@link
 * org.pilotpool.replay.ReplayPool} protocol and tells a {@link
 * org.pilotpool.replay.ReplayListener} about each job; {@link org.pilotpool.replay.ReplayStats}
 * keeps the figures in bounded memory. {@link org.pilotpool.replay.FcfsReplayPool} is the
 * first-come-first-served pool of N cores the replay runs against until a full pool is plugged in.
 */
package org.pilotpool.replay;
