package org.pilotpool.model.classad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pilotpool.model.input.BadInputException;

class ParseErrorTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "RequestCpus <= 4 && => column 20: expected an expression after '&&'",
        "RequestCpus <= 4 && ) => column 21: expected an expression after '&&' but found ')'",
        "(Cpus > 1 => column 10: expected ')' to close the '(' at column 1 but found the end of "
            + "the expression",
        "Cpus > 1 ) => column 10: unexpected ')' after a complete expression",
        "Cpus = 1 => column 6: '=' is not an operator in an expression; use '==' to compare",
        "true ? 1 => column 9: expected ':' for the '?' at column 6 but found the end of the "
            + "expression",
        "member(1, {1, 2) => column 16: expected ',' or '}' in the list opened at column 11 but "
            + "found ')'",
        "strcat(\"a\" \"b\") => column 12: expected ',' or ')' in the arguments of strcat( at column"
            + " 7 but found a string",
        "MY. => column 4: expected an attribute name after 'MY.' but found the end of the "
            + "expression",
        "Job.Cpus => column 4: 'Job.' is not a scope; only MY. and TARGET. are supported",
        "\"abc => column 1: string is not closed with \"",
        "\"a\\qb\" => column 3: unknown escape '\\q' in a string",
        "1.x => column 1: expected digits after the decimal point",
        "12abc => column 3: unexpected 'a' right after the number 12",
        "Cpus # 2 => column 6: unexpected character '#'",
        "/* open => column 1: comment started here is not closed with '*/'",
      })
  void syntaxErrorSaysWhereAndWhatWasExpected(String text, String problem) {
    BadInputException e =
        assertThrows(BadInputException.class, () -> Expr.parse("Requirements", text));
    assertEquals("Requirements: " + problem, e.oneLine());
  }

  @Test
  void emptyTextIsMissingAnExpression() {
    BadInputException e = assertThrows(BadInputException.class, () -> Expr.parse("Rank", "  "));
    assertEquals("Rank: column 3: expected an expression", e.oneLine());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "Cpus > 1 &&\\n  (Memory > => line 2, column 12: expected an expression after '>'",
        "Cpus > 1\\n  && => line 2, column 5: expected an expression after '&&'",
      })
  void multiLineExpressionErrorGivesLineAndColumn(String text, String problem) {
    BadInputException e = assertThrows(BadInputException.class,
        () -> Expr.parse("START", text.replace("\\n", "\n")));
    assertEquals("START: " + problem, e.oneLine());
  }
}
