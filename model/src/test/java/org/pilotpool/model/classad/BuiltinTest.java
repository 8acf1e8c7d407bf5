package org.pilotpool.model.classad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pilotpool.model.classad.OperatorTest.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuiltinTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "member(2, {1, 2, 3}) => true",
        "member(4, {1, 2, 3}) => false",
        "member(\"ALICE\", {\"bob\", \"alice\"}) => true",
        "member(2, {1, \"x\", 2}) => true",
        "member(1, {}) => false",
        "member(undefined, {1}) => undefined",
        "member(1, undefined) => undefined",
        "member(error, {1}) => error",
        "member(1, 2) => error",
        "member({1}, {1}) => error",
        "member(1) => error",
        "identicalMember(\"ALICE\", {\"alice\"}) => false",
        "identicalMember(undefined, {1, undefined}) => true",
      })
  void memberTestsListMembershipWithEquality(String expression, String expected) {
    assertEquals(eval(expected), eval(expression));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "regexp(\"^cms\", \"cmsuser01\") => true",
        "regexp(\"user\", \"cmsuser01\") => true",
        "regexp(\"^user\", \"cmsuser01\") => false",
        "regexp(\"^CMS\", \"cmsuser01\") => false",
        "regexp(\"^CMS\", \"cmsuser01\", \"i\") => true",
        "regexp(\"^b$\", \"a\\nb\", \"m\") => true",
        "regexp(\"a.b\", \"a\\nb\", \"s\") => true",
        "regexp(\"(\", \"x\") => error",
        "regexp(1, \"x\") => error",
        "regexp(\"x\", 1) => error",
        "regexp(\"x\", \"x\", 1) => error",
        "regexp(undefined, \"x\") => undefined",
        "regexp(\"x\", undefined) => undefined",
        "regexp(\"x\", error) => error",
        "regexp(\"x\") => error",
      })
  void regexpMatchesAnywhereWithOptions(String expression, String expected) {
    assertEquals(eval(expected), eval(expression));
  }

  @Test
  void regexpReevaluatesWhenThePatternChangesAtTheSameCallSite() {
    Expr e = Expr.parse("test", "regexp(Pattern, \"glidein_cms\")");
    assertEquals(Value.TRUE, e.evaluate(new ClassAd().set("Pattern", "cms$"), null));
    assertEquals(Value.FALSE, e.evaluate(new ClassAd().set("Pattern", "atlas$"), null));
    assertEquals(Value.TRUE, e.evaluate(new ClassAd().set("Pattern", "^glidein"), null));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "ifThenElse(true, 1, 2) => 1",
        "ifThenElse(false, 1, 2) => 2",
        "ifThenElse(0.0, 1, 2) => 2",
        "ifThenElse(7, 1, 2) => 1",
        "ifThenElse(undefined, 1, 2) => undefined",
        "ifThenElse(error, 1, 2) => error",
        "ifThenElse(\"true\", 1, 2) => error",
        "ifThenElse(true, 1) => error",
        "ifThenElse(true, 1, 1/0) => 1",
      })
  void ifThenElseChoosesOneBranch(String expression, String expected) {
    assertEquals(eval(expected), eval(expression));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "isUndefined(undefined) => true",
        "isUndefined(NoSuchAttribute) => true",
        "isUndefined(1) => false",
        "isUndefined(error) => false",
        "isUndefined() => error",
        "isError(1/0) => true",
        "isError(undefined) => false",
        "isError(1, 2) => error",
        "isString(\"x\") => true",
        "isInteger(1.0) => false",
        "isReal(1.0) => true",
        "isBoolean(1 == 1) => true",
        "isList({}) => true",
      })
  void typePredicatesNeverPropagateUndefinedOrError(String expression, String expected) {
    assertEquals(eval(expected), eval(expression));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "strcat(\"a\", \"b\", \"c\") => \"abc\"",
        "strcat() => \"\"",
        "strcat(\"slot\", 1, \"@\", true) => \"slot1@true\"",
        "strcat(\"x\", 1.5) => \"x1.500000000000000E+00\"",
        "strcat(\"x\", undefined) => undefined",
        "strcat(\"x\", error) => error",
        "size(\"hello\") => 5",
        "size({1, 2, 3}) => 3",
        "size(undefined) => undefined",
        "size(5) => error",
        "size() => error",
        "toLower(\"CMS Pilot\") => \"cms pilot\"",
        "toUpper(\"cms\") => \"CMS\"",
        "toUpper(12) => \"12\"",
        "toLower(undefined) => undefined",
        "toLower(error) => error",
        "toLower() => error",
        "int(3.9) => 3",
        "int(-3.9) => -3",
        "int(\"42\") => 42",
        "int(\" 12abc\") => 12",
        "int(\"4.7\") => 4",
        "int(true) => 1",
        "int(\"abc\") => error",
        "int({1}) => error",
        "int(undefined) => undefined",
        "real(2) => 2.0",
        "real(\"2.5e1\") => 25.0",
        "real(\"x\") => error",
        "real(false) => 0.0",
        "real(undefined) => undefined",
        "string(42) => \"42\"",
        "string(true) => \"true\"",
        "string(\"s\") => \"s\"",
        "string({1, \"a\"}) => \"{ 1,\\\"a\\\" }\"",
        "string(undefined) => undefined",
        "string(error) => error",
        "string() => error",
      })
  void stringAndConversionFunctions(String expression, String expected) {
    assertEquals(eval(expected), eval(expression));
  }

  @Test
  void functionNamesAreCaseInsensitive() {
    assertEquals(Value.TRUE, eval("IFTHENELSE(isundefined(x), true, false)"));
    assertEquals(Value.of("ab"), eval("StrCat(\"a\", \"b\")"));
  }

  @Test
  void unknownFunctionParsesButEvaluatesToError() {
    Expr e = Expr.parse("test", "noSuchFunction(1)");
    assertEquals(Value.ERROR, e.evaluate(null, null));
    assertEquals("noSuchFunction(1)", e.toString());
  }
}
