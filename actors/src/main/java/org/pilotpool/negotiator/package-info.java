/**
 * The negotiator actor and its protocol with schedds.
 *
 * <p>A schedd registers with {@link org.pilotpool.negotiator.Negotiator.RegisterSchedd}, giving a
 * reference that accepts {@link org.pilotpool.negotiator.Negotiator.ScheddMessage} (typically a
 * message adapter onto its own commands). Every cycle it receives
 * {@link org.pilotpool.negotiator.Negotiator.GetIdleJobs} and answers
 * {@link org.pilotpool.negotiator.Negotiator.IdleJobs} with the same cycle number: one
 * {@link org.pilotpool.model.negotiation.SubmitterQueue} per submitter, jobs in the order it wants
 * them matched, each {@link org.pilotpool.model.negotiation.IdleJob} with its ad and excluded sites.
 * For each match it receives {@link org.pilotpool.negotiator.Negotiator.MatchFound} with the job
 * id, the slot's name, ad and startd, and claims the slot from the startd. Whenever the number of
 * claims its jobs hold for a submitter changes, it sends
 * {@link org.pilotpool.negotiator.Negotiator.UsageReport}; the accountant charges that usage.
 *
 * <p>The negotiator fetches slots from the collector with {@code NEGOTIATOR_SLOT_CONSTRAINT}, counts
 * them all into the size of the pie and matches only those whose {@code State} is
 * {@code "Unclaimed"}. {@link org.pilotpool.negotiator.Negotiator.GetCycleStats} returns the cycle
 * figures and each submitter's priority, as {@code condor_userprio} would print them.
 */
package org.pilotpool.negotiator;
