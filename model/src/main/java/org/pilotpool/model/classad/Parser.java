package org.pilotpool.model.classad;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pilotpool.model.classad.Lexer.Kind;
import org.pilotpool.model.classad.Lexer.Token;
import org.pilotpool.model.input.BadInputException;

/**
 * A precedence-climbing parser for ClassAd expressions. Precedence, lowest first (HTCondor's
 * {@code Operation::PrecedenceLevel}): {@code ?:} (right-associative), {@code ||}, {@code &&},
 * {@code |}, {@code ^}, {@code &}, {@code == != =?= =!= is isnt}, {@code < <= > >=}, {@code << >>
 * >>>}, {@code + -}, {@code * / %}, unary {@code - + ! ~}, then subscripts; binary operators are
 * left-associative.
 *
 * <p>Every syntax error is a {@link BadInputException} naming where (column, or line and column
 * when the text spans lines) and what was expected.
 */
final class Parser {
  private final List<Token> tokens;
  private final Lexer.Errors errors;
  private final int columnOffset;
  private int next;

  private Parser(List<Token> tokens, Lexer.Errors errors, int columnOffset) {
    this.tokens = tokens;
    this.errors = errors;
    this.columnOffset = columnOffset;
  }

  /**
   * Parses one expression.
   *
   * @param source file name or other origin for the error message; may be null
   * @param fileLine the line in {@code source} where the text starts, or 0
   * @param key attribute or config key the expression belongs to; may be null
   * @param columnOffset added to columns on the first line (where the text starts in its line)
   * @param oldStrings whether strings use the old ClassAd escaping
   */
  static Node parseExpression(
      String source, int fileLine, String key, String text, int columnOffset, boolean oldStrings) {
    boolean multiLine = text.indexOf('\n') >= 0;
    Lexer.Errors errors =
        (line, column, problem) -> {
          int col = line == 1 ? column + columnOffset : column;
          String where =
              multiLine ? "line " + line + ", column " + col + ": " : "column " + col + ": ";
          return new BadInputException(source, fileLine, key, where + problem);
        };
    Parser p = new Parser(Lexer.tokenize(text, oldStrings, errors), errors, columnOffset);
    Node result = p.ternary(null);
    Token end = p.peek();
    if (end.kind() != Kind.EOF) {
      throw p.error(end, "unexpected " + end.describe() + " after a complete expression");
    }
    return result;
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token take() {
    return tokens.get(next++);
  }

  /** The column of a token as the user sees it in the source line. */
  private int column(Token t) {
    return t.line() == 1 ? t.column() + columnOffset : t.column();
  }

  private RuntimeException error(Token at, String problem) {
    return errors.at(at.line(), at.column(), problem);
  }

  /** {@code after} names the token before this expression, for "expected an expression after". */
  private Node ternary(String after) {
    Node condition = binary(1, after);
    if (peek().kind() != Kind.QUESTION) {
      return condition;
    }
    Token question = take();
    if (peek().kind() == Kind.COLON) {
      take();
      return new Node.Elvis(condition, ternary("?:"));
    }
    Node whenTrue = ternary("?");
    Token colon = peek();
    if (colon.kind() != Kind.COLON) {
      throw error(colon, "expected ':' for the '?' at column " + column(question)
          + " but found " + colon.describe());
    }
    take();
    return new Node.Conditional(condition, whenTrue, ternary(":"));
  }

  private Node binary(int minPrecedence, String after) {
    Node left = unary(after);
    while (true) {
      Token t = peek();
      Op op = binaryOp(t);
      if (op == null || op.precedence < minPrecedence) {
        return left;
      }
      take();
      Node right = binary(op.precedence + 1, t.text());
      if (op == Op.AND) {
        left = new Node.And(left, right);
      } else if (op == Op.OR) {
        left = new Node.Or(left, right);
      } else {
        left = new Node.Binary(op, left, right);
      }
    }
  }

  private static Op binaryOp(Token t) {
    if (t.kind() != Kind.OP) {
      return null;
    }
    for (Op op : Op.values()) {
      if (op.symbol.equals(t.text())) {
        return op;
      }
    }
    return null;
  }

  private Node unary(String after) {
    Token t = peek();
    if (t.isOp("-") || t.isOp("+") || t.isOp("!") || t.isOp("~")) {
      take();
      Node operand = unary(t.text());
      char op = t.text().charAt(0);
      if (op == '-' && operand instanceof Node.Literal lit && lit.value().isNumber()) {
        // fold negative numbers so that "-1" is a constant, not an operation per evaluation
        return new Node.Literal(Operators.negate(lit.value()));
      }
      return new Node.Unary(op, operand);
    }
    Node primary = primary(after);
    while (peek().kind() == Kind.LBRACKET) {
      Token open = take();
      Node index = ternary("[");
      expectClosing(Kind.RBRACKET, "]", open);
      primary = new Node.Subscript(primary, index);
    }
    if (peek().kind() == Kind.DOT) {
      throw error(peek(), "selecting an attribute of a nested ad is not supported; only MY. and "
          + "TARGET. scopes are");
    }
    return primary;
  }

  private Node primary(String after) {
    Token t = peek();
    switch (t.kind()) {
      case INTEGER:
      case REAL:
      case STRING:
      case TRUE:
      case FALSE:
      case UNDEFINED:
      case ERROR:
        take();
        return new Node.Literal(t.value());
      case IDENT:
        take();
        return identifier(t);
      case LPAREN:
        take();
        Node inner = ternary("(");
        expectClosing(Kind.RPAREN, ")", t);
        return new Node.Parens(inner);
      case LBRACE:
        take();
        return list(t);
      default:
        String expected = after == null
            ? "expected an expression"
            : "expected an expression after '" + after + "'";
        throw error(t, t.kind() == Kind.EOF ? expected : expected + " but found " + t.describe());
    }
  }

  private Node identifier(Token name) {
    Token t = peek();
    if (t.kind() == Kind.LPAREN) {
      take();
      return new Node.Call(name.text(), arguments(name, t));
    }
    if (t.kind() != Kind.DOT) {
      return new Node.AttrRef(Node.Scope.UNSCOPED, null, name.text(), lower(name.text()));
    }
    Node.Scope scope;
    String prefix = lower(name.text());
    if (prefix.equals("my")) {
      scope = Node.Scope.MY;
    } else if (prefix.equals("target")) {
      scope = Node.Scope.TARGET;
    } else {
      throw error(t, "'" + name.text() + ".' is not a scope; only MY. and TARGET. are supported");
    }
    take();
    Token attr = peek();
    if (attr.kind() != Kind.IDENT) {
      throw error(attr, "expected an attribute name after '" + name.text() + ".' but found "
          + attr.describe());
    }
    take();
    return new Node.AttrRef(scope, name.text(), attr.text(), lower(attr.text()));
  }

  private List<Node> arguments(Token function, Token open) {
    List<Node> args = new ArrayList<>();
    if (peek().kind() == Kind.RPAREN) {
      take();
      return args;
    }
    String after = "(";
    while (true) {
      args.add(ternary(after));
      Token t = take();
      if (t.kind() == Kind.RPAREN) {
        return args;
      }
      if (t.kind() != Kind.COMMA) {
        throw error(t, "expected ',' or ')' in the arguments of " + function.text()
            + "( at column " + column(open) + " but found " + t.describe());
      }
      after = ",";
    }
  }

  private Node list(Token open) {
    List<Node> elements = new ArrayList<>();
    if (peek().kind() == Kind.RBRACE) {
      take();
    } else {
      String after = "{";
      while (true) {
        elements.add(ternary(after));
        Token t = take();
        if (t.kind() == Kind.RBRACE) {
          break;
        }
        if (t.kind() != Kind.COMMA) {
          throw error(t, "expected ',' or '}' in the list opened at column " + column(open)
              + " but found " + t.describe());
        }
        after = ",";
      }
    }
    List<Value> constants = new ArrayList<>(elements.size());
    for (Node e : elements) {
      if (!(e instanceof Node.Literal lit)) {
        return new Node.ListExpr(elements);
      }
      constants.add(lit.value());
    }
    return new Node.Literal(Value.list(constants));
  }

  private void expectClosing(Kind kind, String symbol, Token open) {
    Token t = peek();
    if (t.kind() != kind) {
      throw error(t, "expected '" + symbol + "' to close the '" + open.text() + "' at column "
          + column(open) + " but found " + t.describe());
    }
    take();
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
