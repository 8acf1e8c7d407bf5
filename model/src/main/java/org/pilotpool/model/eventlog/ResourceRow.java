package org.pilotpool.model.eventlog;

/**
 * One row of the "Partitionable Resources" table of a terminate or evict event. Values are kept as
 * the text HTCondor prints (integers, {@code %.2f} reals, or empty when unknown).
 *
 * @param resource the resource name without its unit, e.g. {@code Cpus}, {@code Disk} (KB),
 *     {@code Memory} (MB)
 */
public record ResourceRow(String resource, String usage, String request, String allocated) {}
