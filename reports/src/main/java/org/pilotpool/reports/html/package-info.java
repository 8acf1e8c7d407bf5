/**
 * {@code report.html}: one self-contained page (inline CSS, charts as inline SVG drawn with
 * JFreeChart, no scripts, no fonts or images fetched) that shows a scenario's variants side by
 * side.
 */
package org.pilotpool.reports.html;
