package org.pilotpool.model.trace.history;

/**
 * The value of one job ClassAd attribute as a history prints it: a literal, or an expression kept
 * as unevaluated text (evaluating expressions is not a trace reader's business).
 */
public sealed interface AdValue {
  /** A string literal, escapes resolved. */
  record Str(String value) implements AdValue {}

  /** An integer literal. */
  record Int(long value) implements AdValue {}

  /** A real literal. */
  record Real(double value) implements AdValue {}

  /** {@code true} or {@code false}. */
  record Bool(boolean value) implements AdValue {}

  /** {@code UNDEFINED} (or JSON {@code null}). */
  record Undefined() implements AdValue {}

  /** {@code ERROR}. */
  record Error() implements AdValue {}

  /** Anything that is not a literal, as written. */
  record Expression(String text) implements AdValue {}
}
