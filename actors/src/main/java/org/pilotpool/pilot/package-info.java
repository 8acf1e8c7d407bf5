/**
 * The glidein (pilot): it waits in a site's batch queue, lands on a worker node, runs glideinWMS's
 * glexec setup through the node's glexec, starts its slots through a {@link
 * org.pilotpool.pilot.SlotLauncher} (the startds live elsewhere), tells them to retire at its
 * retire time and shuts them down at the end of its lifetime. Its decisions are in {@link
 * org.pilotpool.pilot.PilotLogic}; {@link org.pilotpool.pilot.Pilot} maps them onto messages and
 * timers.
 */
package org.pilotpool.pilot;
