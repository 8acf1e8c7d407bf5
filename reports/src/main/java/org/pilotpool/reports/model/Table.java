package org.pilotpool.reports.model;

import java.util.List;
import java.util.Objects;

/**
 * A small table, e.g. hold reasons (code, subcode, reason, count) or glexec calls by operation
 * and result. Tables with the same title in different variants are shown side by side.
 *
 * @param title shown above the table
 * @param columns the headings
 * @param rows cells as text, each row as wide as {@code columns}; cells that read as numbers are
 *     right-aligned
 */
public record Table(String title, List<String> columns, List<List<String>> rows) {
  public Table {
    Objects.requireNonNull(title, "title");
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).size() != columns.size()) {
        throw new IllegalArgumentException("table " + title + " row " + (i + 1) + " has "
            + rows.get(i).size() + " cells, expected " + columns.size());
      }
    }
  }
}
