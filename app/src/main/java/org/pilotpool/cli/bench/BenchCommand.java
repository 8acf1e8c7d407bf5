package org.pilotpool.cli.bench;

import picocli.CommandLine.Command;

/** {@code pilotpool bench ...}: fixed loads that print one JSON line of figures each. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks: each prints one JSON line (throughput, peak heap) for a fixed load.",
    subcommands = {KernelBench.class, PoolBench.class, ReplayBench.class})
public final class BenchCommand {}
