/** The Standard Workload Format (Parallel Workloads Archive, SWF 2.2). */
package org.pilotpool.model.trace.swf;
