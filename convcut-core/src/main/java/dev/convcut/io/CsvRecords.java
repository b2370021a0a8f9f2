package dev.convcut.io;

import dev.convcut.ConvcutException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Splits CSV text into records of fields (RFC 4180: quotes, doubled quotes, CRLF or LF). */
final class CsvRecords {
  private CsvRecords() {}

  /** One record and the 1-based line it starts on. */
  record Record(int line, List<String> fields) {}

  static List<Record> parse(Path file, String text) {
    List<Record> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int recordLine = 1;
    boolean quoted = false;
    boolean blank = true;
    int start = text.startsWith("\uFEFF") ? 1 : 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        blank = false;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        blank = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        blank = end(records, fields, field, recordLine, blank);
        line++;
        recordLine = line;
      } else {
        field.append(c);
        blank = blank && Character.isWhitespace(c);
      }
    }
    if (quoted) {
      throw new ConvcutException(file + ": line " + recordLine + ": a quoted field is never closed");
    }
    end(records, fields, field, recordLine, blank);
    return records;
  }

  /** Ends the current record (a blank line adds none) and returns the fresh "blank so far" state. */
  private static boolean end(List<Record> records, List<String> fields, StringBuilder field, int line, boolean blank) {
    if (!blank) {
      fields.add(field.toString());
      records.add(new Record(line, List.copyOf(fields)));
    }
    fields.clear();
    field.setLength(0);
    return true;
  }
}
