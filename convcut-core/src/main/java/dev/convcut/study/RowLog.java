package dev.convcut.study;

import dev.convcut.ConvcutException;
import dev.convcut.Setting;
import dev.convcut.Words;
import dev.convcut.io.CsvTable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A CSV file that grows one durable row at a time: each row is appended, flushed and forced to
 * disk before {@link #append} returns, so a crash loses at most the row being written. Opening an
 * existing file cuts off a torn last line (one without its newline), checks the header, and hands
 * back the rows already there, so a resumed run can skip them.
 */
public final class RowLog implements AutoCloseable {
  private final Path file;
  private final FileChannel channel;
  private final List<CsvTable.Row> existing;

  private RowLog(Path file, FileChannel channel, List<CsvTable.Row> existing) {
    this.file = file;
    this.channel = channel;
    this.existing = existing;
  }

  /** Opens (or creates, with its header) {@code file} for appending rows with {@code columns}. */
  public static RowLog open(Path file, List<String> columns) {
    String header = Csv.row(columns);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (Files.exists(file)) {
        repair(file);
      }
      if (!Files.exists(file) || Files.size(file) == 0) {
        Files.writeString(file, header, StandardCharsets.UTF_8);
      }
      List<CsvTable.Row> rows;
      String first = Files.readAllLines(file, StandardCharsets.UTF_8).get(0) + "\n";
      if (!first.equals(header)) {
        throw new ConvcutException(Words.of(file + ": its header is not the one this run writes; expected " + header.trim()
            + ", found " + first.trim() + ". Use another ", Words.term(Setting.OUT, "output path"), " or ", Setting.FORCE,
            " to start over"));
      }
      rows = CsvTable.read(file).rows();
      FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      return new RowLog(file, ch, List.copyOf(rows));
    } catch (IOException e) {
      throw new ConvcutException("could not open " + file + " for appending: " + e.getMessage(), e);
    }
  }

  /** Cuts the file back to its last complete line: a row interrupted mid-write is dropped, never half-read. */
  static void repair(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = ch.size();
      if (size == 0) {
        return;
      }
      long keep = size;
      ByteBuffer one = ByteBuffer.allocate(1);
      while (keep > 0) {
        one.clear();
        ch.read(one, keep - 1);
        if (one.get(0) == '\n') {
          break;
        }
        keep--;
      }
      if (keep < size) {
        ch.truncate(keep);
        ch.force(true);
      }
    }
  }

  /** The rows the file held when it was opened (after repair). */
  public List<CsvTable.Row> existing() {
    return existing;
  }

  public Path file() {
    return file;
  }

  /** Appends one row and forces it to disk. */
  public synchronized void append(List<?> fields) {
    ByteBuffer bytes = ByteBuffer.wrap(Csv.row(fields).getBytes(StandardCharsets.UTF_8));
    try {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new ConvcutException("could not append to " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new ConvcutException("could not close " + file + ": " + e.getMessage(), e);
    }
  }
}
