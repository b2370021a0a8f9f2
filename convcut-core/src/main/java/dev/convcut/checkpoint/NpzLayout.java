package dev.convcut.checkpoint;

import dev.convcut.ConvcutException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Checks that an npz file (a ZIP archive of {@code .npy} arrays) is whole before it is decoded: a
 * ZIP archive ends with its directory, so a file cut short (a copy that stopped, a full disk)
 * lacks it. The refusal names the byte the file ends at and the array it ends in, found by walking
 * the archive's entries from the start, where the decoder would only say "malformed data".
 */
final class NpzLayout {
  private static final int LOCAL_HEADER = 0x04034b50;
  private static final int END_OF_DIRECTORY = 0x06054b50;
  private static final int END_RECORD = 22;
  private static final int MAX_COMMENT = 0xffff;

  private NpzLayout() {}

  /** Whether {@code ch} starts with a ZIP entry (npz) signature. */
  static boolean looksLikeNpz(FileChannel ch) throws IOException {
    return ch.size() >= 4 && read(ch, 0, 4).getInt(0) == LOCAL_HEADER;
  }

  /** Refuses an npz file whose ZIP directory is missing or reaches past its end-of-directory record. */
  static void checkWhole(Path file, FileChannel ch) throws IOException {
    long size = ch.size();
    long end = endOfDirectory(ch, size);
    if (end >= 0) {
      ByteBuffer record = read(ch, end, END_RECORD);
      long directorySize = record.getInt(12) & 0xffffffffL;
      long directoryOffset = record.getInt(16) & 0xffffffffL;
      if (directoryOffset == 0xffffffffL || directoryOffset + directorySize <= end) {
        return; // whole (or ZIP64, which only the decoder reads)
      }
    }
    throw new ConvcutException(file + ": cut short at byte " + size + " (" + whereItEnds(ch, size)
        + "; a whole npz file ends with its ZIP directory)");
  }

  /** The position of the end-of-directory record, searched backwards over the longest possible comment; -1 if none. */
  private static long endOfDirectory(FileChannel ch, long size) throws IOException {
    long from = Math.max(0, size - END_RECORD - MAX_COMMENT);
    ByteBuffer tail = read(ch, from, (int) (size - from));
    for (int i = tail.limit() - END_RECORD; i >= 0; i--) {
      if (tail.getInt(i) == END_OF_DIRECTORY) {
        return from + i;
      }
    }
    return -1;
  }

  /** Walks the entries from byte 0 and says which one the file ends in. */
  private static String whereItEnds(FileChannel ch, long size) throws IOException {
    long at = 0;
    String last = null;
    while (at + 30 <= size && read(ch, at, 4).getInt(0) == LOCAL_HEADER) {
      ByteBuffer h = read(ch, at, 30);
      int flags = h.getShort(6) & 0xffff;
      int method = h.getShort(8) & 0xffff;
      long compressed = h.getInt(18) & 0xffffffffL;
      int nameLength = h.getShort(26) & 0xffff;
      int extraLength = h.getShort(28) & 0xffff;
      if (at + 30 + nameLength > size) {
        return "inside the header of an array that starts at byte " + at;
      }
      String name = StandardCharsets.UTF_8.decode(read(ch, at + 30, nameLength)).toString().replaceFirst("\\.npy$", "");
      long data = at + 30 + nameLength + extraLength;
      long next;
      if ((flags & 8) == 0) {
        next = data + compressed;
      } else if (method == 8) {
        long consumed = deflatedLength(ch, data, size);
        next = consumed < 0 ? Long.MAX_VALUE : data + consumed + descriptorLength(ch, data + consumed, size);
      } else {
        return "inside array " + name + ", which starts at byte " + at;
      }
      if (next > size) {
        return "inside array " + name + ", which starts at byte " + at;
      }
      last = name;
      at = next;
    }
    return last == null ? "before the first array" : "after array " + last + ", inside the ZIP directory";
  }

  /** Bytes of the deflate stream starting at {@code from}, or -1 when the file ends first. */
  private static long deflatedLength(FileChannel ch, long from, long size) throws IOException {
    Inflater inflater = new Inflater(true);
    try {
      byte[] sink = new byte[1 << 16];
      long fed = 0;
      while (!inflater.finished()) {
        if (inflater.needsInput()) {
          if (from + fed >= size) {
            return -1;
          }
          ByteBuffer chunk = read(ch, from + fed, (int) Math.min(1 << 16, size - from - fed));
          byte[] bytes = new byte[chunk.remaining()];
          chunk.get(bytes);
          inflater.setInput(bytes);
          fed += bytes.length;
        }
        inflater.inflate(sink);
      }
      return fed - inflater.getRemaining();
    } catch (DataFormatException e) {
      return -1;
    } finally {
      inflater.end();
    }
  }

  /** The data descriptor after a streamed entry: 16 bytes with its optional signature, 12 without. */
  private static long descriptorLength(FileChannel ch, long at, long size) throws IOException {
    return at + 4 <= size && read(ch, at, 4).getInt(0) == 0x08074b50 ? 16 : 12;
  }

  private static ByteBuffer read(FileChannel ch, long at, int length) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining() && ch.read(b, at + b.position()) > 0) {
      // keep reading until full or at the end of the file
    }
    b.flip();
    return b;
  }
}
