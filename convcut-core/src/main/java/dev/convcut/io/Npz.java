package dev.convcut.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes named arrays as a numpy {@code .npz} file (a zip of {@code .npy} files, format 1.0,
 * little-endian, C order) that {@code numpy.load} reads without help. Only what convcut hands to
 * Python needs: float64 and float32 arrays. The file is written atomically.
 */
public final class Npz {
  /** One named array: float64 ({@code doubles}) or float32 ({@code floats}), exactly one set. */
  private record Entry(int[] shape, double[] doubles, float[] floats) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /** Adds a float64 array; names must be unique and free of '/'. */
  public Npz add(String name, double[] values, int... shape) {
    return put(name, new Entry(shape.clone(), values.clone(), null), values.length);
  }

  /** Adds a float32 array. */
  public Npz add(String name, float[] values, int... shape) {
    return put(name, new Entry(shape.clone(), null, values.clone()), values.length);
  }

  private Npz put(String name, Entry e, int length) {
    if (name.isEmpty() || name.contains("/") || entries.containsKey(name)) {
      throw new IllegalArgumentException("npz array name '" + name + "' is empty, holds '/', or is already used");
    }
    long size = 1;
    for (int d : e.shape) {
      size *= d;
    }
    if (size != length) {
      throw new IllegalArgumentException("npz array '" + name + "': " + length + " values do not fill shape " + shapeText(e.shape));
    }
    entries.put(name, e);
    return this;
  }

  /** Writes the arrays, in the order added, to {@code file}. */
  public void write(Path file) {
    AtomicFiles.write(file, out -> {
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
          zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
          writeNpy(zip, e.getValue());
          zip.closeEntry();
        }
      }
    });
  }

  private static void writeNpy(OutputStream out, Entry e) throws IOException {
    String descr = e.doubles != null ? "<f8" : "<f4";
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shapeText(e.shape) + ", }";
    // Magic (6) + version (2) + length (2) + header, padded with spaces to a multiple of 64, ending in \n.
    int unpadded = 10 + dict.length() + 1;
    int padding = (64 - unpadded % 64) % 64;
    String header = dict + " ".repeat(padding) + "\n";
    ByteBuffer head = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
    head.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0).putShort((short) header.length());
    out.write(head.array());
    out.write(header.getBytes(StandardCharsets.US_ASCII));
    int n = e.doubles != null ? e.doubles.length : e.floats.length;
    int width = e.doubles != null ? 8 : 4;
    ByteBuffer chunk = ByteBuffer.allocate(8192 * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (int k = 0; k < n; k++) {
      if (chunk.remaining() < width) {
        out.write(chunk.array(), 0, chunk.position());
        chunk.clear();
      }
      if (e.doubles != null) {
        chunk.putDouble(e.doubles[k]);
      } else {
        chunk.putFloat(e.floats[k]);
      }
    }
    out.write(chunk.array(), 0, chunk.position());
  }

  /** Python's tuple syntax: {@code (3,)} for one dimension. */
  private static String shapeText(int[] shape) {
    StringJoiner j = new StringJoiner(", ", "(", shape.length == 1 ? ",)" : ")");
    for (int d : shape) {
      j.add(Integer.toString(d));
    }
    return j.toString();
  }
}
