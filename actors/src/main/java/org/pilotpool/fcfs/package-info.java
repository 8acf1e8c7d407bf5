/**
 * First come, first served scheduling over single-core slots, shared by the pools that need no
 * matchmaking: the quickstart M/M/c pool and the trace replay's stand-in pool.
 */
package org.pilotpool.fcfs;
