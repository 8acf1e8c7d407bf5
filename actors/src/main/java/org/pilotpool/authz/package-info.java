/**
 * The site authorization service: a queueing model of GUMS / Argus / SCAS that every simulated
 * glexec call goes through. {@link org.pilotpool.authz.SiteAuthzLogic} holds the decisions and the
 * queue as plain Java; {@link org.pilotpool.authz.SiteAuthz} is the thin Pekko behaviour around
 * it.
 */
package org.pilotpool.authz;
