package dev.convcut.data;

import dev.convcut.ConvcutException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;

/**
 * The IDX format of MNIST and Fashion-MNIST: a big-endian header (magic {@code 0x00000803} and
 * three dimensions for images, {@code 0x00000801} and one for labels) followed by unsigned bytes.
 * Files are streamed straight into their final array; every check names the file and the byte
 * offset or record at fault.
 */
final class IdxFile {
  static final int IMAGES_MAGIC = 0x00000803;
  static final int LABELS_MAGIC = 0x00000801;

  /** Images read from one IDX file: {@code count} images of {@code rows x cols} bytes, row-major. */
  record Images(int count, int rows, int cols, byte[] pixels) {}

  private IdxFile() {}

  /** Reads an image file from {@code in} ({@code name} is for messages). */
  static Images images(String name, InputStream in) throws IOException {
    byte[] header = header(name, in, IMAGES_MAGIC, 16, "images (unsigned bytes, 3 dimensions)");
    int count = dimension(name, header, 0, "image count");
    int rows = dimension(name, header, 1, "rows");
    int cols = dimension(name, header, 2, "columns");
    long perImage = (long) rows * cols;
    if (count * perImage > Integer.MAX_VALUE - 8) {
      throw new ConvcutException(name + ": the header declares " + count + " images of " + rows + "x" + cols
          + ", too many for one array");
    }
    byte[] pixels = body(name, in, 16, count, perImage, "image");
    return new Images(count, rows, cols, pixels);
  }

  /** Reads a label file from {@code in} into unsigned labels, each checked against {@code classes}. */
  static int[] labels(String name, InputStream in, int classes) throws IOException {
    byte[] header = header(name, in, LABELS_MAGIC, 8, "labels (unsigned bytes, 1 dimension)");
    int count = dimension(name, header, 0, "label count");
    byte[] data = body(name, in, 8, count, 1, "label");
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      int label = data[i] & 0xff;
      if (label >= classes) {
        throw new ConvcutException(name + ": label " + label + " of record " + i + " (byte offset " + (8 + i)
            + ") is outside 0.." + (classes - 1));
      }
      labels[i] = label;
    }
    return labels;
  }

  private static byte[] header(String name, InputStream in, int magic, int headerBytes, String what) throws IOException {
    byte[] header = in.readNBytes(headerBytes);
    if (header.length < headerBytes) {
      throw new ConvcutException(name + ": " + header.length + " bytes is too short for the " + headerBytes
          + "-byte IDX header of " + what);
    }
    int found = readInt(header, 0);
    if (found != magic) {
      String hint = found == IMAGES_MAGIC ? " (this is an image file)" : found == LABELS_MAGIC ? " (this is a label file)" : "";
      throw new ConvcutException(name + ": magic number " + hex(found) + " at byte offset 0 is not " + hex(magic)
          + ", the IDX magic of " + what + hint);
    }
    return header;
  }

  private static int dimension(String name, byte[] header, int index, String what) {
    int offset = 4 + 4 * index;
    int value = readInt(header, offset);
    if (value <= 0) {
      throw new ConvcutException(name + ": the " + what + " at byte offset " + offset + " must be positive, got " + value);
    }
    return value;
  }

  /** Reads exactly the records the header declares, then makes sure nothing follows them. */
  private static byte[] body(String name, InputStream in, int header, int count, long recordBytes, String record)
      throws IOException {
    int size = (int) (count * recordBytes);
    byte[] body = new byte[size];
    int read = in.readNBytes(body, 0, size);
    long expected = header + (long) size;
    if (read < size) {
      throw new ConvcutException(name + ": the file ends at byte " + (header + read) + " but its header declares " + count + " "
          + record + "s (" + expected + " bytes): " + record + " " + read / recordBytes + " is cut short");
    }
    long extra = in.transferTo(OutputStream.nullOutputStream());
    if (extra > 0) {
      throw new ConvcutException(name + ": " + extra + " unexpected bytes from byte offset " + expected
          + " on, after the last of the " + count + " " + record + "s its header declares (the file is " + (expected + extra)
          + " bytes, expected " + expected + ")");
    }
    return body;
  }

  static int readInt(byte[] data, int offset) {
    return ((data[offset] & 0xff) << 24) | ((data[offset + 1] & 0xff) << 16) | ((data[offset + 2] & 0xff) << 8)
        | (data[offset + 3] & 0xff);
  }

  private static String hex(int value) {
    return String.format(Locale.ROOT, "0x%08x", value);
  }
}
