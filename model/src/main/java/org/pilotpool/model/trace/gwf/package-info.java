/** The Grid Workloads Archive format (GWF), text form. */
package org.pilotpool.model.trace.gwf;
