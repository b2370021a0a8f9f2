package dev.convcut.data;

import dev.convcut.ConvcutException;
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

  CifarRecords {
    if (labelBytes < 1 || labelClasses.size() != labelBytes) {
      throw new IllegalArgumentException("one class count per label byte, got " + labelClasses + " for " + labelBytes);
    }
    labelClasses = List.copyOf(labelClasses);
  }

  int recordBytes() {
    return labelBytes + PIXELS;
  }

  /** How many records {@code data} holds; fails if the length is not a whole number of them or too many. */
  int count(String name, byte[] data) {
    int record = recordBytes();
    int whole = data.length / record;
    if (data.length == 0) {
      throw new ConvcutException(name + ": the file is empty (a CIFAR batch file holds records of " + record + " bytes)");
    }
    if (data.length % record != 0) {
      throw new ConvcutException(name + ": " + data.length + " bytes is not a multiple of " + record + " (record " + whole
          + " is cut short)");
    }
    if (whole > maxRecords) {
      throw new ConvcutException(name + ": " + data.length + " bytes holds " + whole + " records, more than the "
          + maxRecords + " of the official file (records " + maxRecords + " on, from byte offset "
          + (long) maxRecords * record + ", do not belong there)");
    }
    return whole;
  }

  /**
   * Copies the records of {@code data} into {@code pixels} and {@code labels} from image
   * {@code first} on, taking label byte {@code labelIndex}; every label byte is checked against
   * its class count. Returns the number of records copied.
   */
  int copy(String name, byte[] data, int labelIndex, byte[] pixels, int[] labels, int first) {
    int n = count(name, data);
    int record = recordBytes();
    for (int i = 0; i < n; i++) {
      int at = i * record;
      for (int b = 0; b < labelBytes; b++) {
        int label = data[at + b] & 0xff;
        if (label >= labelClasses.get(b)) {
          throw new ConvcutException(name + ": label " + label + " of record " + i + " (byte offset " + (at + b)
              + ") is outside 0.." + (labelClasses.get(b) - 1));
        }
      }
      labels[first + i] = data[at + labelIndex] & 0xff;
      System.arraycopy(data, at + labelBytes, pixels, (first + i) * PIXELS, PIXELS);
    }
    return n;
  }
}
