package dev.convcut.data;

import dev.convcut.ConvcutException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The IDX format of MNIST and Fashion-MNIST: a big-endian header (magic {@code 0x00000803} and
 * three dimensions for images, {@code 0x00000801} and one for labels) followed by unsigned bytes.
 * Every check names the file and the byte offset or record at fault.
 */
final class IdxFile {
  static final int IMAGES_MAGIC = 0x00000803;
  static final int LABELS_MAGIC = 0x00000801;

  /** Images read from one IDX file: {@code count} images of {@code rows x cols} bytes, row-major. */
  record Images(int count, int rows, int cols, byte[] pixels) {}

  private IdxFile() {}

  /** Parses an image file's bytes ({@code name} is for messages). */
  static Images images(String name, byte[] data) {
    checkHeader(name, data, IMAGES_MAGIC, 16, "images (unsigned bytes, 3 dimensions)");
    int count = dimension(name, data, 0, "image count");
    int rows = dimension(name, data, 1, "rows");
    int cols = dimension(name, data, 2, "columns");
    long perImage = (long) rows * cols;
    checkLength(name, data.length, 16, count, perImage, "image");
    return new Images(count, rows, cols, Arrays.copyOfRange(data, 16, data.length));
  }

  /** Parses a label file's bytes into unsigned labels, each checked against {@code classes}. */
  static int[] labels(String name, byte[] data, int classes) {
    checkHeader(name, data, LABELS_MAGIC, 8, "labels (unsigned bytes, 1 dimension)");
    int count = dimension(name, data, 0, "label count");
    checkLength(name, data.length, 8, count, 1, "label");
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      int label = data[8 + i] & 0xff;
      if (label >= classes) {
        throw new ConvcutException(name + ": label " + label + " of record " + i + " (byte offset " + (8 + i)
            + ") is outside 0.." + (classes - 1));
      }
      labels[i] = label;
    }
    return labels;
  }

  private static void checkHeader(String name, byte[] data, int magic, int headerBytes, String what) {
    if (data.length < headerBytes) {
      throw new ConvcutException(name + ": " + data.length + " bytes is too short for the " + headerBytes
          + "-byte IDX header of " + what);
    }
    int found = readInt(data, 0);
    if (found != magic) {
      String hint = found == IMAGES_MAGIC ? " (this is an image file)" : found == LABELS_MAGIC ? " (this is a label file)" : "";
      throw new ConvcutException(name + ": magic number " + hex(found) + " at byte offset 0 is not " + hex(magic)
          + ", the IDX magic of " + what + hint);
    }
  }

  private static int dimension(String name, byte[] data, int index, String what) {
    int offset = 4 + 4 * index;
    int value = readInt(data, offset);
    if (value <= 0) {
      throw new ConvcutException(name + ": the " + what + " at byte offset " + offset + " must be positive, got " + value);
    }
    return value;
  }

  private static void checkLength(String name, long length, int header, int count, long recordBytes, String record) {
    long expected = header + count * recordBytes;
    if (length < expected) {
      long cut = (length - header) / recordBytes;
      throw new ConvcutException(name + ": the file ends at byte " + length + " but its header declares " + count + " "
          + record + "s (" + expected + " bytes): " + record + " " + cut + " is cut short");
    }
    if (length > expected) {
      throw new ConvcutException(name + ": " + (length - expected) + " unexpected bytes from byte offset " + expected
          + " on, after the last of the " + count + " " + record + "s its header declares (the file is " + length
          + " bytes, expected " + expected + ")");
    }
  }

  static int readInt(byte[] data, int offset) {
    return ((data[offset] & 0xff) << 24) | ((data[offset + 1] & 0xff) << 16) | ((data[offset + 2] & 0xff) << 8)
        | (data[offset + 3] & 0xff);
  }

  private static String hex(int value) {
    return String.format(Locale.ROOT, "0x%08x", value);
  }
}
