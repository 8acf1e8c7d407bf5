package org.pilotpool.reports;

import java.util.List;

/** RFC 4180 lines: fields quoted only when they hold a comma, a quote or a line break. */
final class Csv {
  private Csv() {}

  static String line(List<?> fields) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(field(fields.get(i)));
    }
    return sb.append('\n').toString();
  }

  private static String field(Object value) {
    String s = value == null ? "" : value.toString();
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
