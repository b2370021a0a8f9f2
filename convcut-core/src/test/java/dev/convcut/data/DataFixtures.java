package dev.convcut.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Small datasets written in the official file formats, and broken variants of them, for tests. */
public final class DataFixtures {
  private DataFixtures() {}

  /** The pixel value every fixture uses for byte {@code k} of image {@code n}: easy to check, not constant. */
  public static int pixel(int n, int k) {
    return (n * 31 + k * 7) & 0xff;
  }

  public static byte[] idxImages(int count, int rows, int cols) {
    ByteBuffer b = ByteBuffer.allocate(16 + count * rows * cols);
    b.putInt(IdxFile.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(cols);
    for (int n = 0; n < count; n++) {
      for (int k = 0; k < rows * cols; k++) {
        b.put((byte) pixel(n, k));
      }
    }
    return b.array();
  }

  public static byte[] idxLabels(int count, int classes) {
    ByteBuffer b = ByteBuffer.allocate(8 + count);
    b.putInt(IdxFile.LABELS_MAGIC).putInt(count);
    for (int n = 0; n < count; n++) {
      b.put((byte) (n % classes));
    }
    return b.array();
  }

  public static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A Fashion-MNIST-shaped folder: {@code train} and {@code test} images of 28x28, gzipped or not. */
  public static Path idxFolder(Path dir, int train, int test, boolean gzipped) {
    write(dir, "train-images-idx3-ubyte", idxImages(train, 28, 28), gzipped);
    write(dir, "train-labels-idx1-ubyte", idxLabels(train, 10), gzipped);
    write(dir, "t10k-images-idx3-ubyte", idxImages(test, 28, 28), gzipped);
    write(dir, "t10k-labels-idx1-ubyte", idxLabels(test, 10), gzipped);
    return dir;
  }

  public static Path write(Path dir, String stem, byte[] data, boolean gzipped) {
    return writeFile(dir.resolve(gzipped ? stem + ".gz" : stem), gzipped ? gzip(data) : data);
  }

  public static Path writeFile(Path file, byte[] data) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return Files.write(file, data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code count} CIFAR records from image {@code first} on; label byte b of image n is {@code (n + b) % classes[b]}. */
  public static byte[] cifarRecords(int first, int count, int... classes) {
    int record = classes.length + 3072;
    byte[] data = new byte[count * record];
    for (int i = 0; i < count; i++) {
      int n = first + i;
      for (int b = 0; b < classes.length; b++) {
        data[i * record + b] = (byte) ((n + b) % classes[b]);
      }
      for (int k = 0; k < 3072; k++) {
        data[i * record + classes.length + k] = (byte) pixel(n, k);
      }
    }
    return data;
  }

  /** The members of a CIFAR-10 binary release with {@code perBatch} images per batch file. */
  public static Map<String, byte[]> cifar10Members(int perBatch) {
    Map<String, byte[]> members = new LinkedHashMap<>();
    for (int b = 1; b <= 5; b++) {
      members.put("data_batch_" + b + ".bin", cifarRecords((b - 1) * perBatch, perBatch, 10));
    }
    members.put("test_batch.bin", cifarRecords(0, perBatch, 10));
    members.put("batches.meta.txt", String.join("\n", ClassNames.CIFAR10).concat("\n\n").getBytes(StandardCharsets.US_ASCII));
    return members;
  }

  /** The members of a CIFAR-100 binary release (records: coarse, fine, pixels). */
  public static Map<String, byte[]> cifar100Members(int train, int test) {
    Map<String, byte[]> members = new LinkedHashMap<>();
    members.put("train.bin", cifarRecords(0, train, 20, 100));
    members.put("test.bin", cifarRecords(0, test, 20, 100));
    members.put("fine_label_names.txt", String.join("\n", ClassNames.CIFAR100_FINE).getBytes(StandardCharsets.US_ASCII));
    members.put("coarse_label_names.txt", String.join("\n", ClassNames.CIFAR100_COARSE).getBytes(StandardCharsets.US_ASCII));
    return members;
  }

  public static Path folder(Path dir, Map<String, byte[]> members) {
    members.forEach((name, data) -> writeFile(dir.resolve(name), data));
    return dir;
  }

  /** A tar (gzipped when the name ends in .gz) with every member under {@code folder/}, as the official archives. */
  public static Path archive(Path file, String folder, Map<String, byte[]> members) {
    byte[] tar = tar(folder, members);
    return writeFile(file, file.toString().endsWith(".gz") ? gzip(tar) : tar);
  }

  public static byte[] tar(String folder, Map<String, byte[]> members) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      TarArchiveEntry dir = new TarArchiveEntry(folder + "/");
      tar.putArchiveEntry(dir);
      tar.closeArchiveEntry();
      for (Map.Entry<String, byte[]> e : members.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(folder + "/" + e.getKey());
        entry.setSize(e.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Locations confined to {@code root}: no $CONVCUT_DATA, cache in root/cache, system root in root/system, no mirror. */
  public static DataLocations isolated(Path root) {
    return new DataLocations(null, root.resolve("cache"), List.of(root.resolve("system")), null);
  }

  /** A loopback URL on a port nothing listens on (it was free a moment ago): downloads from it fail at once. */
  public static URI closedPort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return URI.create("http://127.0.0.1:" + s.getLocalPort() + "/");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
