package org.pilotpool.model.classad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OperatorTest {

  static Value eval(String expression) {
    return Expr.parse("test", expression).evaluate(null, null);
  }

  /** Each row: an expression and the expression for its expected value. */
  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "7 + 2 => 9",
        "7 - 2 => 5",
        "7 * 2 => 14",
        "7 / 2 => 3",
        "-7 / 2 => -3",
        "7 % 3 => 1",
        "-7 % 3 => -1",
        "7.0 / 2 => 3.5",
        "1 + 0.5 => 1.5",
        "true + 1 => 2",
        "-(3) => -3",
        "-true => false",
        "+4 => 4",
        "!true => false",
        "!0 => true",
        "!2.5 => false",
        "6 & 3 => 2",
        "6 | 3 => 7",
        "6 ^ 3 => 5",
        "~0 => -1",
        "1 << 4 => 16",
        "-16 >> 2 => -4",
        "-1 >>> 60 => 15",
        "{10, 20, 30}[1] => 20",
      })
  void operatorComputesHtcondorResult(String expression, String expected) {
    assertEquals(eval(expected), eval(expression));
  }

  @ParameterizedTest(name = "{0} is ERROR")
  @ValueSource(
      strings = {
        "1 / 0",
        "1 % 0",
        "1.0 / 0",
        "5.5 % 2",
        "\"a\" + 1",
        "\"a\" * \"b\"",
        "-\"a\"",
        "+true",
        "!\"yes\"",
        "1.5 & 1",
        "{1} + 1",
        "{1, 2}[2]",
        "{1, 2}[\"x\"]",
        "1 < \"2\"",
        "{1} == {1}",
        "\"a\" == true",
        "error + 1",
        "undefined + error",
        "error == undefined",
      })
  void typeErrorsAndBadArithmeticGiveError(String expression) {
    assertEquals(Value.ERROR, eval(expression));
  }

  @ParameterizedTest(name = "{0} is UNDEFINED")
  @ValueSource(
      strings = {
        "undefined + 1",
        "1 - undefined",
        "-undefined",
        "!undefined",
        "undefined == 1",
        "undefined != \"x\"",
        "undefined < 1",
        "undefined == undefined",
        "NoSuchAttribute * 2",
      })
  void strictOperatorsPassUndefinedThrough(String expression) {
    assertEquals(Value.UNDEFINED, eval(expression));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "1 + 2 * 3 => 7",
        "(1 + 2) * 3 => 9",
        "10 - 4 - 3 => 3",
        "100 / 10 / 5 => 2",
        "2 * 3 % 4 => 2",
        "-2 * 3 => -6",
        "!false == false => false",
        "1 + 1 == 2 => true",
        "1 < 2 == 2 < 3 => true",
        "1 << 2 + 1 => 8",
        "1 < 2 << 1 => true",
        "6 & 3 + 1 => 4",
        "1 | 6 ^ 3 => 5",
        "1 ^ 3 & 1 => 0",
        "true || false && false => true",
        "(true || false) && false => false",
        "2 | 1 && 0 => false",
        "false ? 1 : true ? 2 : 3 => 2",
        "true ? false ? 1 : 2 : 3 => 2",
        "true || false ? 10 : 20 => 10",
        "undefined ?: 4 => 4",
        "5 ?: 4 => 5",
        "1 == 1 is true => true",
      })
  void precedenceAndAssociativityFollowTheClassAdSpec(String expression, String expected) {
    assertEquals(eval(expected), eval(expression));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "1 < 2 => true",
        "2 <= 2 => true",
        "3 > 2.5 => true",
        "2 >= 3 => false",
        "1 == 1.0 => true",
        "1 != 2 => true",
        "true == 1 => true",
        "false < true => true",
        "\"abc\" < \"abd\" => true",
        "\"B\" > \"a\" => true",
      })
  void comparisonsPromoteNumbersAndBooleans(String expression, String expected) {
    assertEquals(eval(expected), eval(expression));
  }

  @Test
  void stringEqualityIgnoresCase() {
    assertEquals(Value.TRUE, eval("\"Alice\" == \"aLICE\""));
    assertEquals(Value.FALSE, eval("\"Alice\" != \"ALICE\""));
  }

  @Test
  void metaEqualityOnStringsIsCaseSensitive() {
    assertEquals(Value.FALSE, eval("\"Alice\" =?= \"alice\""));
    assertEquals(Value.TRUE, eval("\"Alice\" =!= \"alice\""));
    assertEquals(Value.TRUE, eval("\"Alice\" is \"Alice\""));
  }

  @Test
  void metaEqualityComparesUndefinedAndErrorAsValues() {
    assertEquals(Value.TRUE, eval("undefined =?= undefined"));
    assertEquals(Value.FALSE, eval("undefined =?= 1"));
    assertEquals(Value.TRUE, eval("undefined =!= 1"));
    assertEquals(Value.TRUE, eval("error =?= error"));
    assertEquals(Value.TRUE, eval("NoSuchAttribute isnt \"x\""));
  }

  @Test
  void equalityOnUndefinedIsUndefinedButMetaEqualityIsTrue() {
    assertEquals(Value.UNDEFINED, eval("undefined == undefined"));
    assertEquals(Value.TRUE, eval("undefined =?= undefined"));
  }

  @Test
  void metaEqualityDoesNotPromoteTypes() {
    assertEquals(Value.FALSE, eval("1 =?= 1.0"));
    assertEquals(Value.FALSE, eval("1 =?= true"));
    assertEquals(Value.TRUE, eval("2.5 =?= 2.5"));
  }

  @Test
  void conditionalOnUndefinedIsUndefinedAndOnStringIsError() {
    assertEquals(Value.UNDEFINED, eval("undefined ? 1 : 2"));
    assertEquals(Value.ERROR, eval("\"x\" ? 1 : 2"));
    assertEquals(Value.of(1), eval("3 ? 1 : 2"));
  }

  @Test
  void conditionalEvaluatesOnlyTheChosenBranch() {
    assertEquals(Value.of(1), eval("true ? 1 : 1/0"));
  }

  @Test
  void literalsCoverTheClassAdTypes() {
    assertEquals(Value.of(255), eval("0xff"));
    assertEquals(Value.of(2048), eval("2K"));
    assertEquals(Value.of(1500.0), eval("1.5e3"));
    assertEquals(Value.of(0.5), eval(".5"));
    assertEquals(Value.of("a\"b\\c\nd\101"), eval("\"a\\\"b\\\\c\\nd\\101\""));
    assertEquals(Value.TRUE, eval("TRUE"));
    assertEquals(Value.UNDEFINED, eval("Undefined"));
    assertEquals(Value.ERROR, eval("ERROR"));
    assertEquals(Value.list(java.util.List.of(Value.of(1), Value.of("x"))), eval("{1, \"x\"}"));
    assertEquals(Value.of(3), eval("/* a comment */ 1 + // another\n 2"));
  }
}
