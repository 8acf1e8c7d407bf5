package org.pilotpool.pilot;

/** A slot tells its glidein that it is gone (its startd exited). */
public record SlotExited(int slotIndex) implements Pilot.Command {}
