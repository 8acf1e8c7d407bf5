package org.pilotpool.model.classad;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits ClassAd expression text into tokens, following HTCondor's {@code lexer.cpp}: C and C++
 * comments, case-insensitive keywords ({@code true false undefined error is isnt}), decimal and
 * hexadecimal integers, reals with optional exponent, the size suffixes {@code B K M G T}, double
 * quoted strings and single-quoted attribute names.
 *
 * <p>Strings come in two escapings. New ClassAd syntax uses C escapes. The old syntax that {@code
 * condor_q -l} prints (and the ad text format uses) treats a backslash as an ordinary character
 * except before a quote, unless that quote ends the line.
 */
final class Lexer {

  enum Kind {
    INTEGER,
    REAL,
    STRING,
    IDENT,
    TRUE,
    FALSE,
    UNDEFINED,
    ERROR,
    OP,
    LPAREN,
    RPAREN,
    LBRACE,
    RBRACE,
    LBRACKET,
    RBRACKET,
    COMMA,
    DOT,
    QUESTION,
    COLON,
    EOF
  }

  /** A token; {@code text} is the operator or identifier as written, {@code value} a literal. */
  record Token(Kind kind, String text, Value value, int line, int column) {
    boolean isOp(String symbol) {
      return kind == Kind.OP && text.equals(symbol);
    }

    /** How the token reads in an error message. */
    String describe() {
      switch (kind) {
        case EOF:
          return "the end of the expression";
        case STRING:
          return "a string";
        case INTEGER:
        case REAL:
          return "the number " + text;
        case IDENT:
          return "'" + text + "'";
        default:
          return "'" + text + "'";
      }
    }
  }

  /** Builds the exception for a problem at a line and column of the text. */
  interface Errors {
    RuntimeException at(int line, int column, String problem);
  }

  private static final String[] OPERATORS = {
    ">>>", "=?=", "=!=", "==", "!=", "<=", ">=", "<<", ">>", "&&", "||", "+", "-", "*", "/", "%",
    "<", ">", "!", "~", "&", "|", "^"
  };

  private final String text;
  private final boolean oldStrings;
  private final Errors errors;
  private int pos;
  private int line = 1;
  private int lineStart;

  private Lexer(String text, boolean oldStrings, Errors errors) {
    this.text = text;
    this.oldStrings = oldStrings;
    this.errors = errors;
  }

  static List<Token> tokenize(String text, boolean oldStrings, Errors errors) {
    Lexer lx = new Lexer(text, oldStrings, errors);
    List<Token> out = new ArrayList<>();
    Token t;
    do {
      t = lx.next();
      out.add(t);
    } while (t.kind() != Kind.EOF);
    return out;
  }

  /** True for names that print without quotes: identifiers that are not keywords. */
  static boolean isPlainIdentifier(String name) {
    if (name.isEmpty() || !isIdentStart(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      if (!isIdentPart(name.charAt(i))) {
        return false;
      }
    }
    return keyword(name) == null;
  }

  private static boolean isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isIdentPart(char c) {
    return isIdentStart(c) || isDigit(c);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static Kind keyword(String word) {
    switch (word.toLowerCase(java.util.Locale.ROOT)) {
      case "true":
        return Kind.TRUE;
      case "false":
        return Kind.FALSE;
      case "undefined":
        return Kind.UNDEFINED;
      case "error":
        return Kind.ERROR;
      case "is":
      case "isnt":
        return Kind.OP;
      default:
        return null;
    }
  }

  private int column() {
    return pos - lineStart + 1;
  }

  private char peek(int ahead) {
    int i = pos + ahead;
    return i < text.length() ? text.charAt(i) : '\0';
  }

  private boolean atEnd(int ahead) {
    return pos + ahead >= text.length();
  }

  private void advance() {
    if (text.charAt(pos) == '\n') {
      line++;
      lineStart = pos + 1;
    }
    pos++;
  }

  private Token next() {
    skipBlanksAndComments();
    int startLine = line;
    int startCol = column();
    if (atEnd(0)) {
      return new Token(Kind.EOF, "", null, startLine, startCol);
    }
    char c = peek(0);
    if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
      return number(startLine, startCol);
    }
    if (isIdentStart(c)) {
      int start = pos;
      while (!atEnd(0) && isIdentPart(peek(0))) {
        advance();
      }
      String word = text.substring(start, pos);
      Kind k = keyword(word);
      if (k == null) {
        return new Token(Kind.IDENT, word, null, startLine, startCol);
      }
      if (k == Kind.OP) {
        return new Token(Kind.OP, word.toLowerCase(java.util.Locale.ROOT), null, startLine, startCol);
      }
      Value v = k == Kind.TRUE ? Value.TRUE
          : k == Kind.FALSE ? Value.FALSE
          : k == Kind.UNDEFINED ? Value.UNDEFINED
          : Value.ERROR;
      return new Token(k, word, v, startLine, startCol);
    }
    if (c == '"') {
      String s = oldStrings ? oldString(startLine, startCol) : quoted('"', startLine, startCol);
      return new Token(Kind.STRING, s, Value.of(s), startLine, startCol);
    }
    if (c == '\'') {
      String name = quoted('\'', startLine, startCol);
      if (name.isEmpty()) {
        throw errors.at(startLine, startCol, "an attribute name in quotes must not be empty");
      }
      return new Token(Kind.IDENT, name, null, startLine, startCol);
    }
    Kind punct = punctuation(c);
    if (punct != null) {
      advance();
      return new Token(punct, String.valueOf(c), null, startLine, startCol);
    }
    for (String op : OPERATORS) {
      if (text.startsWith(op, pos)) {
        for (int i = 0; i < op.length(); i++) {
          advance();
        }
        return new Token(Kind.OP, op, null, startLine, startCol);
      }
    }
    if (c == '=') {
      throw errors.at(
          startLine, startCol, "'=' is not an operator in an expression; use '==' to compare");
    }
    throw errors.at(startLine, startCol, "unexpected character '" + c + "'");
  }

  private static Kind punctuation(char c) {
    switch (c) {
      case '(':
        return Kind.LPAREN;
      case ')':
        return Kind.RPAREN;
      case '{':
        return Kind.LBRACE;
      case '}':
        return Kind.RBRACE;
      case '[':
        return Kind.LBRACKET;
      case ']':
        return Kind.RBRACKET;
      case ',':
        return Kind.COMMA;
      case '.':
        return Kind.DOT;
      case '?':
        return Kind.QUESTION;
      case ':':
        return Kind.COLON;
      default:
        return null;
    }
  }

  private void skipBlanksAndComments() {
    while (!atEnd(0)) {
      char c = peek(0);
      if (Character.isWhitespace(c)) {
        advance();
      } else if (c == '/' && peek(1) == '/') {
        while (!atEnd(0) && peek(0) != '\n') {
          advance();
        }
      } else if (c == '/' && peek(1) == '*') {
        int l = line;
        int col = column();
        advance();
        advance();
        while (!(peek(0) == '*' && peek(1) == '/')) {
          if (atEnd(0)) {
            throw errors.at(l, col, "comment started here is not closed with '*/'");
          }
          advance();
        }
        advance();
        advance();
      } else {
        return;
      }
    }
  }

  private Token number(int startLine, int startCol) {
    int start = pos;
    boolean real = false;
    long integer = 0;
    double realValue = 0;
    if (peek(0) == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
      advance();
      advance();
      int digitsStart = pos;
      while (!atEnd(0) && Character.digit(peek(0), 16) >= 0) {
        advance();
      }
      if (pos == digitsStart) {
        throw errors.at(startLine, startCol, "expected hexadecimal digits after '0x'");
      }
      try {
        integer = Long.parseUnsignedLong(text.substring(digitsStart, pos), 16);
      } catch (NumberFormatException e) {
        throw errors.at(startLine, startCol, "hexadecimal number too large for 64 bits");
      }
    } else {
      while (isDigit(peek(0))) {
        advance();
      }
      if (peek(0) == '.') {
        real = true;
        advance();
        if (!isDigit(peek(0))) {
          throw errors.at(startLine, startCol, "expected digits after the decimal point");
        }
        while (isDigit(peek(0))) {
          advance();
        }
      }
      if (peek(0) == 'e' || peek(0) == 'E') {
        real = true;
        advance();
        if (peek(0) == '+' || peek(0) == '-') {
          advance();
        }
        if (!isDigit(peek(0))) {
          throw errors.at(startLine, startCol, "expected digits in the exponent of a number");
        }
        while (isDigit(peek(0))) {
          advance();
        }
      }
      String digits = text.substring(start, pos);
      if (real) {
        realValue = Double.parseDouble(digits);
      } else {
        try {
          integer = Long.parseLong(digits);
        } catch (NumberFormatException e) {
          // C's strtoll, which HTCondor uses, saturates
          integer = Long.MAX_VALUE;
        }
      }
    }
    long factor = sizeFactor(peek(0));
    if (factor != 0) {
      advance();
    } else {
      factor = 1;
    }
    if (isIdentPart(peek(0))) {
      throw errors.at(
          line, column(), "unexpected '" + peek(0) + "' right after the number "
              + text.substring(start, pos));
    }
    String written = text.substring(start, pos);
    if (real) {
      return new Token(Kind.REAL, written, Value.of(realValue * factor), startLine, startCol);
    }
    return new Token(Kind.INTEGER, written, Value.of(integer * factor), startLine, startCol);
  }

  /** HTCondor's size suffixes on numbers: B, K, M, G, T (powers of 1024); 0 when none. */
  private static long sizeFactor(char c) {
    switch (c) {
      case 'B':
      case 'b':
        return 1;
      case 'K':
      case 'k':
        return 1L << 10;
      case 'M':
      case 'm':
        return 1L << 20;
      case 'G':
      case 'g':
        return 1L << 30;
      case 'T':
      case 't':
        return 1L << 40;
      default:
        return 0;
    }
  }

  /** A new-syntax string (or quoted name) with C escapes. */
  private String quoted(char delim, int startLine, int startCol) {
    advance();
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (atEnd(0)) {
        throw errors.at(startLine, startCol,
            (delim == '"' ? "string" : "quoted attribute name") + " is not closed with " + delim);
      }
      char c = peek(0);
      if (c == delim) {
        advance();
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        advance();
        continue;
      }
      int escLine = line;
      int escCol = column();
      advance();
      if (atEnd(0)) {
        continue;
      }
      char e = peek(0);
      advance();
      switch (e) {
        case 'n':
          sb.append('\n');
          break;
        case 't':
          sb.append('\t');
          break;
        case 'r':
          sb.append('\r');
          break;
        case 'b':
          sb.append('\b');
          break;
        case 'f':
          sb.append('\f');
          break;
        case 'a':
          sb.append('\007');
          break;
        case 'v':
          sb.append('\013');
          break;
        case '\\':
        case '"':
        case '\'':
        case '?':
          sb.append(e);
          break;
        default:
          if (e >= '0' && e <= '7') {
            int v = e - '0';
            for (int k = 0; k < 2 && peek(0) >= '0' && peek(0) <= '7'; k++) {
              v = v * 8 + (peek(0) - '0');
              advance();
            }
            if (v == 0) {
              throw errors.at(escLine, escCol, "a string must not contain a NUL character");
            }
            sb.append((char) (v & 0xff));
          } else {
            throw errors.at(escLine, escCol, "unknown escape '\\" + e + "' in a string");
          }
      }
    }
  }

  /**
   * An old-syntax string: {@code \"} is a quote inside the string unless the quote is the last
   * character of its line, where the backslash is literal and the quote ends the string.
   */
  private String oldString(int startLine, int startCol) {
    advance();
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (atEnd(0) || peek(0) == '\n') {
        throw errors.at(startLine, startCol, "string is not closed with \"");
      }
      char c = peek(0);
      if (c == '\\' && peek(1) == '"' && !atEnd(2) && peek(2) != '\n') {
        sb.append('"');
        advance();
        advance();
      } else if (c == '"') {
        advance();
        return sb.toString();
      } else {
        sb.append(c);
        advance();
      }
    }
  }
}
