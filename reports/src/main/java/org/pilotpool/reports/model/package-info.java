/**
 * What a run reports, as plain values any run can fill: a {@link
 * org.pilotpool.reports.model.RunReport} for one scenario with its variants, each with knob
 * settings, headline figures, topics of time series, tables and a verdict.
 */
package org.pilotpool.reports.model;
