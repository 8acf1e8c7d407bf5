/**
 * Matchmaking as HTCondor's negotiator does it, as plain logic: the accountant
 * ({@link org.pilotpool.model.negotiation.UserPriorities}), one negotiation cycle with fair share
 * and autoclusters ({@link org.pilotpool.model.negotiation.NegotiationCycle}) and the collector's
 * table of slot ads ({@link org.pilotpool.model.negotiation.CollectorState}). Time is passed in;
 * nothing here knows about actors.
 */
package org.pilotpool.model.negotiation;
