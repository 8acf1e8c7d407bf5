package org.pilotpool.model.classad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pilotpool.model.classad.OperatorTest.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HTCondor's truth tables for true, false, UNDEFINED and ERROR. */
class ThreeValuedLogicTest {

  @ParameterizedTest(name = "{0} && {1} is {2}")
  @CsvSource({
    "true, true, true",
    "true, false, false",
    "true, undefined, undefined",
    "true, error, error",
    "false, true, false",
    "false, false, false",
    "false, undefined, false",
    "false, error, false",
    "undefined, true, undefined",
    "undefined, false, false",
    "undefined, undefined, undefined",
    "undefined, error, error",
    "error, true, error",
    "error, false, error",
    "error, undefined, error",
    "error, error, error",
  })
  void andTruthTable(String left, String right, String expected) {
    assertEquals(eval(expected), eval(left + " && " + right));
  }

  @ParameterizedTest(name = "{0} || {1} is {2}")
  @CsvSource({
    "true, true, true",
    "true, false, true",
    "true, undefined, true",
    "true, error, true",
    "false, true, true",
    "false, false, false",
    "false, undefined, undefined",
    "false, error, error",
    "undefined, true, true",
    "undefined, false, undefined",
    "undefined, undefined, undefined",
    "undefined, error, error",
    "error, true, error",
    "error, false, error",
    "error, undefined, error",
    "error, error, error",
  })
  void orTruthTable(String left, String right, String expected) {
    assertEquals(eval(expected), eval(left + " || " + right));
  }

  @ParameterizedTest(name = "!{0} is {1}")
  @CsvSource({"true, false", "false, true", "undefined, undefined", "error, error"})
  void notTruthTable(String operand, String expected) {
    assertEquals(eval(expected), eval("!" + operand));
  }

  @Test
  void falseAndAnythingShortCircuitsEvenAStringOrDivisionByZero() {
    assertEquals(Value.FALSE, eval("false && \"x\""));
    assertEquals(Value.FALSE, eval("false && 1/0 == 1"));
    assertEquals(Value.TRUE, eval("true || \"x\""));
  }

  @Test
  void nonBooleanOperandsOfLogicalOperatorsAreErrors() {
    assertEquals(Value.ERROR, eval("\"x\" && true"));
    assertEquals(Value.ERROR, eval("true && \"x\""));
    assertEquals(Value.ERROR, eval("undefined && \"x\""));
    assertEquals(Value.ERROR, eval("\"x\" || true"));
    assertEquals(Value.ERROR, eval("false || {1}"));
  }

  @Test
  void numbersActAsBooleansInLogicalOperators() {
    assertEquals(Value.TRUE, eval("1 && 2.5"));
    assertEquals(Value.FALSE, eval("1 && 0"));
    assertEquals(Value.TRUE, eval("0 || 3"));
    assertEquals(Value.FALSE, eval("undefined && 0.0"));
  }
}
