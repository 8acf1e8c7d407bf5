package org.pilotpool.pool;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.pilotpool.negotiator.Negotiator;

/**
 * The schedd's claims per submitter as its startds report them, and the slot time they have held:
 * the usage the schedd's answers to the negotiator carry. The startds write it in their own turn
 * (through the pool's slot observer) and the schedd's bridge reads it when it answers a cycle, so
 * a claim's start and end cost no message; the methods are synchronized for the wall clock, where
 * startds run on several threads.
 */
final class ClaimLedger {
  private static final class Account {
    int claims;
    double slotSeconds;
    Instant since;
  }

  /** Only looked up. */
  private final Map<String, String> ownerBySlot = new HashMap<>();
  private final TreeMap<String, Account> bySubmitter = new TreeMap<>();

  /** {@code slot} was claimed for {@code owner}'s jobs at {@code at}. */
  synchronized void claimed(String slot, String owner, Instant at) {
    String before = ownerBySlot.put(slot, owner);
    if (before != null) {
      change(before, -1, at);
    }
    change(owner, +1, at);
  }

  /** {@code slot}'s claim was given back at {@code at}. */
  synchronized void released(String slot, Instant at) {
    String before = ownerBySlot.remove(slot);
    if (before != null) {
      change(before, -1, at);
    }
  }

  /** Every submitter that has held a claim: its claims now, and its slot time up to {@code at}. */
  synchronized SortedMap<String, Negotiator.Usage> usage(Instant at) {
    SortedMap<String, Negotiator.Usage> out = new TreeMap<>();
    bySubmitter.forEach((submitter, account) -> {
      advance(account, at);
      out.put(submitter, new Negotiator.Usage(account.claims, account.slotSeconds));
    });
    return out;
  }

  private void change(String submitter, int claims, Instant at) {
    Account account = bySubmitter.computeIfAbsent(submitter, s -> new Account());
    advance(account, at);
    account.claims += claims;
  }

  private static void advance(Account account, Instant at) {
    if (account.since != null && account.claims > 0) {
      double held = (at.getEpochSecond() - account.since.getEpochSecond())
          + (at.getNano() - account.since.getNano()) / 1e9;
      account.slotSeconds += account.claims * held;
    }
    account.since = at;
  }
}
