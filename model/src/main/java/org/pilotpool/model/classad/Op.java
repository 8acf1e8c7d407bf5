package org.pilotpool.model.classad;

/**
 * The binary operators of the subset, with their ClassAd precedence levels (HTCondor's
 * {@code Operation::PrecedenceLevel}: higher binds tighter) and how they print.
 */
enum Op {
  OR("||", 1),
  AND("&&", 2),
  BIT_OR("|", 3),
  BIT_XOR("^", 4),
  BIT_AND("&", 5),
  EQ("==", 6),
  NE("!=", 6),
  META_EQ("=?=", 6),
  META_NE("=!=", 6),
  IS("is", 6),
  ISNT("isnt", 6),
  LT("<", 7),
  LE("<=", 7),
  GT(">", 7),
  GE(">=", 7),
  SHL("<<", 8),
  SHR(">>", 8),
  USHR(">>>", 8),
  ADD("+", 9),
  SUB("-", 9),
  MUL("*", 10),
  DIV("/", 10),
  MOD("%", 10);

  final String symbol;
  final int precedence;

  Op(String symbol, int precedence) {
    this.symbol = symbol;
    this.precedence = precedence;
  }

  boolean isComparison() {
    return precedence == 6 || precedence == 7;
  }

  boolean isMeta() {
    return this == META_EQ || this == META_NE || this == IS || this == ISNT;
  }
}
