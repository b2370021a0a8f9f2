package dev.convcut.io;

import dev.convcut.ConvcutException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A CSV file read by column name, as convcut writes them (docs/formats.md): one header row,
 * comma-separated, RFC 4180 quoting, {@code .} decimals. Extra columns are ignored; a missing
 * required column or a bad value is an error naming the file, the line and the column.
 */
public final class CsvTable {
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?|[-+]?Infinity|NaN");
  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");

  private final Path file;
  private final Map<String, Integer> columns;
  private final List<Row> rows;

  private CsvTable(Path file, Map<String, Integer> columns, List<Row> rows) {
    this.file = file;
    this.columns = columns;
    this.rows = rows;
  }

  /** Reads {@code file}; blank lines are skipped, every other line must match the header's width. */
  public static CsvTable read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConvcutException("could not read " + file + ": " + e.getMessage(), e);
    }
    List<CsvRecords.Record> records = CsvRecords.parse(file, text);
    if (records.isEmpty()) {
      throw new ConvcutException(file + ": the file is empty; expected a header row");
    }
    CsvRecords.Record header = records.get(0);
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (int i = 0; i < header.fields().size(); i++) {
      String name = header.fields().get(i).trim();
      if (columns.putIfAbsent(name, i) != null) {
        throw new ConvcutException(file + ": line " + header.line() + ": column '" + name + "' appears twice in the header");
      }
    }
    CsvTable table = new CsvTable(file, columns, new ArrayList<>());
    for (CsvRecords.Record r : records.subList(1, records.size())) {
      if (r.fields().size() != columns.size()) {
        throw new ConvcutException(file + ": line " + r.line() + " has " + r.fields().size()
            + " fields but the header has " + columns.size());
      }
      table.rows.add(table.new Row(r.line(), r.fields()));
    }
    return table;
  }

  /** The column names in header order. */
  public List<String> columns() {
    return List.copyOf(columns.keySet());
  }

  public Path file() {
    return file;
  }

  public List<Row> rows() {
    return List.copyOf(rows);
  }

  public boolean has(String column) {
    return columns.containsKey(column);
  }

  /** Fails unless every one of {@code names} is a column, listing those that are missing. */
  public CsvTable require(String... names) {
    List<String> missing = new ArrayList<>();
    for (String n : names) {
      if (!has(n)) {
        missing.add(n);
      }
    }
    if (!missing.isEmpty()) {
      throw new ConvcutException(file + ": line 1: missing required column" + (missing.size() > 1 ? "s " : " ")
          + String.join(", ", missing) + " (the header has: " + String.join(", ", columns.keySet()) + ")");
    }
    return this;
  }

  /** One data row; its accessors name the file, the line and the column when a value is bad. */
  public final class Row {
    private final int line;
    private final List<String> fields;

    private Row(int line, List<String> fields) {
      this.line = line;
      this.fields = fields;
    }

    /** The 1-based line the row starts on. */
    public int line() {
      return line;
    }

    /** The field's text, trimmed; empty when blank or when the table has no such column. */
    public String text(String column) {
      Integer i = columns.get(column);
      return i == null ? "" : fields.get(i).trim();
    }

    public boolean isEmpty(String column) {
      return text(column).isEmpty();
    }

    /** A value that must be present and finite. */
    public double number(String column) {
      double v = numberOrNaN(column);
      if (!Double.isFinite(v)) {
        throw error(column, isEmpty(column) ? "a value is required here" : "'" + text(column) + "' is not a finite number");
      }
      return v;
    }

    /** A value that may be empty or absent (then NaN); NaN and ±Infinity are accepted as written. */
    public double numberOrNaN(String column) {
      String t = text(column);
      if (t.isEmpty()) {
        return Double.NaN;
      }
      if (!NUMBER.matcher(t).matches()) {
        throw error(column, "'" + t + "' is not a number");
      }
      return Double.parseDouble(t);
    }

    /** An integer that must be present. */
    public long integer(String column) {
      String t = text(column);
      if (t.isEmpty()) {
        throw error(column, "a value is required here");
      }
      if (!INTEGER.matcher(t).matches()) {
        throw error(column, "'" + t + "' is not an integer");
      }
      try {
        return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
      } catch (NumberFormatException e) {
        throw error(column, "'" + t + "' is out of range");
      }
    }

    /** An integer that may be empty or absent (then {@code fallback}). */
    public long integerOr(String column, long fallback) {
      return isEmpty(column) ? fallback : integer(column);
    }

    /** A text that must not be empty. */
    public String required(String column) {
      String t = text(column);
      if (t.isEmpty()) {
        throw error(column, "a value is required here");
      }
      return t;
    }

    /**
     * Builds a value from this row; a validation failure ({@link IllegalArgumentException}, whose
     * message names the column) becomes an error naming the file and the line.
     */
    public <T> T build(Supplier<T> builder) {
      try {
        return builder.get();
      } catch (IllegalArgumentException e) {
        throw new ConvcutException(file + ": line " + line + ": " + e.getMessage(), e);
      }
    }

    /** An error about this row's {@code column}: {@code file: line N, column 'c' (#k): why}. */
    public ConvcutException error(String column, String why) {
      Integer i = columns.get(column);
      String where = i == null ? "column '" + column + "'" : "column '" + column + "' (#" + (i + 1) + ")";
      return new ConvcutException(file + ": line " + line + ", " + where + ": " + why);
    }
  }
}
