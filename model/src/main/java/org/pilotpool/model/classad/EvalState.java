package org.pilotpool.model.classad;

/**
 * Per-evaluation bookkeeping: which attribute expressions are being evaluated right now, so that a
 * circular definition ({@code A = B + 1; B = A}) gives ERROR, as in HTCondor, instead of recursing
 * forever. A cycle is the same expression evaluated again with the same MY ad while it is still in
 * progress. The stack is tiny in practice (attribute chains are a few deep), so a linear scan beats
 * any hashing.
 */
final class EvalState {
  /** Deeper chains than this are treated as errors, which keeps the Java stack safe. */
  static final int MAX_DEPTH = 200;

  private Node[] exprs = new Node[8];
  private ClassAd[] ads = new ClassAd[8];
  private int depth;

  /** Marks {@code expr} as in progress in {@code my}; false if that would be a cycle. */
  boolean enter(Node expr, ClassAd my) {
    for (int i = 0; i < depth; i++) {
      if (exprs[i] == expr && ads[i] == my) {
        return false;
      }
    }
    if (depth == MAX_DEPTH) {
      return false;
    }
    if (depth == exprs.length) {
      exprs = java.util.Arrays.copyOf(exprs, depth * 2);
      ads = java.util.Arrays.copyOf(ads, depth * 2);
    }
    exprs[depth] = expr;
    ads[depth] = my;
    depth++;
    return true;
  }

  void exit() {
    depth--;
    exprs[depth] = null;
    ads[depth] = null;
  }

  /** Evaluates an attribute's expression with {@code my} as the MY ad, guarding against cycles. */
  Value evalAttribute(Node expr, ClassAd my, ClassAd target) {
    if (!enter(expr, my)) {
      return Value.ERROR;
    }
    try {
      return expr.eval(my, target, this);
    } finally {
      exit();
    }
  }
}
