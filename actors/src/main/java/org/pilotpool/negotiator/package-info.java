/**
 * The negotiator actor and its protocol with schedds.
 *
 * <p>A schedd registers with {@link org.pilotpool.negotiator.Negotiator.RegisterSchedd}, giving a
 * reference that accepts {@link org.pilotpool.negotiator.Negotiator.ScheddMessage} (typically a
 * message adapter onto its own commands). Every cycle, once the negotiator has the slot ads, it
 * receives {@link org.pilotpool.negotiator.Negotiator.GetIdleJobs} carrying the job identity
 * attributes those slots make significant and the number of unclaimed slots, and answers
 * {@link org.pilotpool.negotiator.Negotiator.IdleJobs} with the same cycle number: one
 * {@link org.pilotpool.model.negotiation.SubmitterQueue} per submitter, its idle jobs as
 * {@link org.pilotpool.model.negotiation.Autocluster}s (a representative ad, excluded sites, the
 * count and the first job ids in submission order), so that a cycle costs one entry per
 * autocluster rather than one per job.
 * For each match it receives {@link org.pilotpool.negotiator.Negotiator.MatchFound} with the job
 * id, the slot's name, ad and startd, and claims the slot from the startd. Each answer also
 * carries, per submitter that has held one of its claims, a
 * {@link org.pilotpool.negotiator.Negotiator.Usage}: the claims held now and the slot time held so
 * far; the accountant charges the slot time between two answers.
 *
 * <p>The negotiator fetches slots from the collector with {@code NEGOTIATOR_SLOT_CONSTRAINT}, counts
 * them all into the size of the pie and matches only those whose {@code State} is
 * {@code "Unclaimed"}. {@link org.pilotpool.negotiator.Negotiator.GetCycleStats} returns the cycle
 * figures and each submitter's priority, as {@code condor_userprio} would print them.
 */
package org.pilotpool.negotiator;
