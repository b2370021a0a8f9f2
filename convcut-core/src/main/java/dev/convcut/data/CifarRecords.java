package dev.convcut.data;

import dev.convcut.ConvcutException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The record layout of CIFAR's binary files: per image, {@code labelBytes} label bytes (CIFAR-10:
 * the class; CIFAR-100: coarse, then fine) followed by 3072 pixel bytes, the 1024 red, then green,
 * then blue values in row-major order, which is already the channel-first layout of an
 * {@link ImageSet}.
 *
 * @param labelBytes label bytes per record, 1 or 2
 * @param labelClasses how many classes each label byte ranges over (e.g. {@code [20, 100]})
 * @param maxRecords the most records one file may hold (the official file's count)
 */
record CifarRecords(int labelBytes, List<Integer> labelClasses, int maxRecords) {
  static final int PIXELS = 3 * 32 * 32;
  /** Records read per chunk: large enough for fast I/O, small enough to stay in cache. */
  private static final int CHUNK_RECORDS = 256;

  CifarRecords {
    if (labelBytes < 1 || labelClasses.size() != labelBytes) {
      throw new IllegalArgumentException("one class count per label byte, got " + labelClasses + " for " + labelBytes);
    }
    labelClasses = List.copyOf(labelClasses);
  }

  int recordBytes() {
    return labelBytes + PIXELS;
  }

  /** How many records a file of {@code length} bytes holds; fails if that is not a whole number of them, or too many. */
  int count(String name, long length) {
    int record = recordBytes();
    long whole = length / record;
    if (length == 0) {
      throw new ConvcutException(name + ": the file is empty (a CIFAR batch file holds records of " + record + " bytes)");
    }
    if (length % record != 0) {
      throw new ConvcutException(name + ": " + length + " bytes is not a multiple of " + record + " (record " + whole
          + " is cut short)");
    }
    if (whole > maxRecords) {
      throw new ConvcutException(name + ": " + length + " bytes holds " + whole + " records, more than the "
          + maxRecords + " of the official file (records " + maxRecords + " on, from byte offset "
          + (long) maxRecords * record + ", do not belong there)");
    }
    return (int) whole;
  }

  /**
   * Reads the {@code length} bytes of records from {@code in} into {@code pixels} and {@code labels}
   * from image {@code first} on, taking label byte {@code labelIndex}; every label byte is checked
   * against its class count. Returns the number of records read.
   */
  int copy(String name, InputStream in, long length, int labelIndex, byte[] pixels, int[] labels, int first) throws IOException {
    int n = count(name, length);
    int record = recordBytes();
    int[] limits = labelClasses.stream().mapToInt(Integer::intValue).toArray();
    byte[] chunk = new byte[Math.min(n, CHUNK_RECORDS) * record];
    for (int done = 0; done < n; ) {
      int records = Math.min(CHUNK_RECORDS, n - done);
      int got = in.readNBytes(chunk, 0, records * record);
      if (got < records * record) {
        throw new ConvcutException(name + ": the data ends at byte " + ((long) done * record + got) + " of " + length
            + " (record " + (done + got / record) + " is cut short)");
      }
      for (int i = 0; i < records; i++) {
        int at = i * record;
        int image = done + i;
        for (int b = 0; b < labelBytes; b++) {
          int label = chunk[at + b] & 0xff;
          if (label >= limits[b]) {
            throw new ConvcutException(name + ": label " + label + " of record " + image + " (byte offset "
                + ((long) image * record + b) + ") is outside 0.." + (limits[b] - 1));
          }
        }
        labels[first + image] = chunk[at + labelIndex] & 0xff;
        System.arraycopy(chunk, at + labelBytes, pixels, (first + image) * PIXELS, PIXELS);
      }
      done += records;
    }
    return n;
  }
}
