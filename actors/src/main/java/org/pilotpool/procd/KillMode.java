package org.pilotpool.procd;

/**
 * How the procd signals a family through glexec ({@code proc_family.cpp}): {@code spree} makes
 * one glexec call per member pid, {@code signal_root} one call for the root process.
 */
public enum KillMode {
  /** One glexec KILL per process of the family: HTCondor's family kill. */
  SPREE,
  /** One glexec KILL for the root process only. */
  SIGNAL_ROOT
}
