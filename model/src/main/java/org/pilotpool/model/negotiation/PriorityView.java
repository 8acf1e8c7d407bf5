package org.pilotpool.model.negotiation;

/**
 * What a negotiation cycle reads from the accountant: each submitter's effective priority (smaller
 * is better) and the slots it holds now.
 */
public interface PriorityView {
  /** Real priority times priority factor, as {@code condor_userprio} prints it. */
  double effectivePriority(String submitter);

  /** Slots (weight 1 each) the submitter holds claims on. */
  double resourcesUsed(String submitter);
}
