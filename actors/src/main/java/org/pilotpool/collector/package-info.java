/**
 * The collector actor and its protocol.
 *
 * <p>Startd side: send {@link org.pilotpool.collector.Collector.UpdateSlotAd} whenever a slot's ad
 * changes (a new pilot slot, Unclaimed to Claimed and back), with the slot's stable {@code Name},
 * {@code State} ({@code "Unclaimed"}, {@code "Claimed"} ...), {@code Cpus}, {@code Memory},
 * {@code START} or {@code Requirements}, optionally {@code Rank}, and {@code GLIDEIN_Site}; there
 * are no periodic updates and ads do not expire. A pilot that leaves sends
 * {@link org.pilotpool.collector.Collector.InvalidateSlotAd} for each of its slots.
 *
 * <p>Query side: {@link org.pilotpool.collector.Collector.QuerySlots} with a ClassAd constraint,
 * answered by {@link org.pilotpool.collector.Collector.SlotAds} in name order, with the startd
 * reference each slot advertised.
 */
package org.pilotpool.collector;
