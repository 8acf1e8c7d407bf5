package org.pilotpool.model.classad;

import java.util.Optional;

import org.pilotpool.model.input.BadInputException;

/**
 * A parsed ClassAd expression. Parse once, evaluate many times: evaluation walks the tree and does
 * no parsing, no regex compilation beyond a per-call-site cache, and resolves attribute names
 * through precomputed lower-case keys.
 *
 * <p>Evaluation follows HTCondor's matchmaking scopes: {@code MY.x} is looked up in the MY ad,
 * {@code TARGET.x} in the TARGET ad, and an unscoped {@code x} in MY first, then TARGET. An
 * attribute found in an ad is evaluated with that ad as its MY and the other as its TARGET.
 *
 * <p>{@link #toString()} prints the expression in ClassAd syntax; parsing the result gives an equal
 * expression. Two expressions are {@link #equals equal} when their trees are the same.
 */
public sealed interface Expr permits Node {

  /**
   * Evaluates with the given MY and TARGET ads; either may be null (references into a missing ad
   * are UNDEFINED).
   */
  Value evaluate(ClassAd my, ClassAd target);

  /** The value, when the expression is a constant (a literal); else empty. */
  default Optional<Value> constant() {
    return Optional.empty();
  }

  /**
   * Parses a single expression in new ClassAd syntax.
   *
   * @param key what the expression is, for error messages (an attribute name such as
   *     "Requirements", or a config key)
   * @throws BadInputException naming the key, the column (line and column if the text spans lines)
   *     and what was expected
   */
  static Expr parse(String key, String text) {
    return Parser.parseExpression(null, 0, key, text, 0, false);
  }
}
