package org.pilotpool.model.negotiation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pilotpool.model.classad.ClassAd;
import org.pilotpool.model.classad.Expr;
import org.pilotpool.model.classad.Value;

/**
 * The collector's table of slot ads, keyed by the slot's stable {@code Name}.
 *
 * <p>Startds advertise on change (claimed, released, new pilot) instead of every
 * {@code UPDATE_INTERVAL}, so ads never expire here: a pilot that leaves invalidates its slots
 * explicitly, as {@code condor_advertise INVALIDATE_STARTD_ADS} does. Ads are kept and returned in
 * name order, so that queries are deterministic.
 *
 * <p>The ads are shared, not copied: whoever sends an ad must not modify it afterwards.
 */
public final class CollectorState {
  /** The attribute that names a slot. */
  public static final String NAME = "Name";

  /**
   * Ads by name, looked up on every update; {@link #names()} gives the order, sorted again only
   * after a slot joined or left, which is rare next to the updates.
   */
  private final Map<String, ClassAd> slots = new HashMap<>();
  private List<String> sortedNames = List.of();
  /**
   * Whether each slot's ad satisfies {@link #cachedConstraint}: an advertised ad is never
   * modified and evaluation depends on nothing else, so the answer holds until the slot's ad is
   * replaced, and the negotiator asks with the same constraint every cycle. Only looked up.
   */
  private final Map<String, Boolean> passes = new HashMap<>();
  private Expr cachedConstraint;

  /**
   * Inserts or replaces the ad of the slot it names.
   *
   * @return true if the slot was not known before
   * @throws IllegalArgumentException if the ad has no string {@code Name}
   */
  public boolean update(ClassAd ad) {
    return update(nameOf(ad), ad);
  }

  /** {@link #update(ClassAd)} for a caller that has read the ad's {@code Name} already. */
  public boolean update(String name, ClassAd ad) {
    passes.remove(name);
    if (slots.put(name, ad) != null) {
      return false;
    }
    sortedNames = null;
    return true;
  }

  /** Forgets a slot; returns whether it was known. */
  public boolean invalidate(String name) {
    passes.remove(name);
    if (slots.remove(name) == null) {
      return false;
    }
    sortedNames = null;
    return true;
  }

  public Optional<ClassAd> get(String name) {
    return Optional.ofNullable(slots.get(name));
  }

  public int size() {
    return slots.size();
  }

  /**
   * The ads for which {@code constraint} is true with the ad as MY and no TARGET, by name (a
   * non-zero number counts as true, UNDEFINED and ERROR as false, as {@code condor_status
   * -constraint} does).
   */
  public List<ClassAd> query(Expr constraint) {
    List<ClassAd> out = new ArrayList<>();
    for (Map.Entry<String, ClassAd> e : queryNamed(constraint)) {
      out.add(e.getValue());
    }
    return out;
  }

  /** {@link #query} with each ad's name, which the table already knows. */
  public List<Map.Entry<String, ClassAd>> queryNamed(Expr constraint) {
    if (constraint != cachedConstraint) {
      passes.clear();
      cachedConstraint = constraint;
    }
    List<Map.Entry<String, ClassAd>> out = new ArrayList<>();
    for (String name : names()) {
      ClassAd ad = slots.get(name);
      Boolean pass = passes.get(name);
      if (pass == null) {
        pass = satisfies(ad, constraint);
        passes.put(name, pass);
      }
      if (pass) {
        out.add(Map.entry(name, ad));
      }
    }
    return out;
  }

  /**
   * Whether {@code constraint} holds for the ad (MY = the ad, no TARGET), as {@link #query}
   * counts it.
   */
  public static boolean satisfies(ClassAd ad, Expr constraint) {
    return isTrue(constraint.evaluate(ad, null));
  }

  private List<String> names() {
    if (sortedNames == null) {
      List<String> names = new ArrayList<>(slots.keySet());
      names.sort(null);
      sortedNames = names;
    }
    return sortedNames;
  }

  /** The slot name an ad carries. */
  public static String nameOf(ClassAd ad) {
    Value name = ad.evaluate(NAME);
    if (!name.isString() || name.asString().isEmpty()) {
      throw new IllegalArgumentException("slot ad has no string Name attribute: " + ad.toText().strip());
    }
    return name.asString();
  }

  static boolean isTrue(Value v) {
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    return v.isNumber() && v.asDouble() != 0.0;
  }
}
