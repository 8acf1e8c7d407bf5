/**
 * The glidein factory (with the frontend's part of the decision folded in): every cycle it asks
 * for the idle-job demand per site, submits glideins per {@link
 * org.pilotpool.model.glidein.FactoryLogic} to the entries the frontend group may use, and keeps a
 * {@link org.pilotpool.factory.PilotLedger} of every glidein it submitted and how it ended.
 */
package org.pilotpool.factory;
