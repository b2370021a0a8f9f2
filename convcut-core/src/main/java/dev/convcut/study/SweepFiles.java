package dev.convcut.study;

import dev.convcut.ConvcutException;
import dev.convcut.Setting;
import dev.convcut.Words;
import dev.convcut.io.AtomicFiles;
import dev.convcut.io.CsvTable;
import dev.convcut.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The files of one sweep-like run in its output folder: {@code NAME.csv} (durable rows), {@code
 * NAME.config.json} (the lock), {@code NAME.json} (every row plus the configuration, written
 * when the run completes) and {@code run.json}.
 */
final class SweepFiles {
  private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?|NaN|-?Infinity");

  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}");

  private SweepFiles() {}

  /** With {@code force}, removes an earlier run's files of this name; other files in the folder are left alone. */
  static void prepare(Path out, String name, boolean force) {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new ConvcutException(Words.of(Setting.OUT, " " + out + " is a file; it must be a folder (new or holding an earlier " + name
          + " run)"));
    }
    if (!force) {
      return;
    }
    for (String f : List.of(name + ".csv", name + ".json", ConfigLock.fileName(name), "run.json")) {
      try {
        Files.deleteIfExists(out.resolve(f));
      } catch (IOException e) {
        throw new ConvcutException("could not remove " + out.resolve(f) + ": " + e.getMessage(), e);
      }
    }
  }

  private static Object value(String column, String v) {
    if (v.isEmpty()) {
      return null;
    }
    if (column.equals("level") || column.equals("layer") || column.equals("cut") || !NUMBER.matcher(v).matches()) {
      return v;
    }
    return INTEGER.matcher(v).matches() ? (Object) Long.parseLong(v) : (Object) Double.parseDouble(v);
  }

  /** Writes {@code NAME.json}: the configuration, a summary, and every CSV row as an object (numbers as numbers). */
  static Path writeJson(Path csv, Object configuration, Map<String, Object> summary) {
    CsvTable table = CsvTable.read(csv);
    List<Map<String, Object>> rows = new ArrayList<>();
    List<String> columns = table.columns();
    for (CsvTable.Row r : table.rows()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (String c : columns) {
        String v = r.text(c);
        row.put(c, value(c, v));
      }
      rows.add(row);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("configuration", configuration);
    root.putAll(summary);
    root.put("rows", rows);
    String name = csv.getFileName().toString().replaceFirst("\\.csv$", ".json");
    Path json = csv.resolveSibling(name);
    AtomicFiles.writeString(json, Json.write(root));
    return json;
  }
}
