package dev.convcut.interop.onnx;

import ai.onnx.proto.OnnxMl;
import dev.convcut.ConvcutException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an ONNX tensor (an initializer or a {@code Constant}'s value): float32/64 and float16, and
 * the integer types shape arithmetic uses; raw or typed fields, or external data beside the model
 * file. Float32 values stay float32 (no widening to doubles): an initializer's raw bytes are not
 * even read here, only located in the file, and are copied straight into the network's parameter
 * memory when it is filled ({@link Tensor#copyTo}).
 */
final class OnnxTensors {
  private OnnxTensors() {}

  /** Where a tensor's little-endian values lie in a file: {@code bytes} bytes from {@code offset}. */
  record Slice(Path file, long offset, long bytes) {}

  /**
   * A tensor's dimensions and values, and whether its type is an integer type. Its values are held
   * in one of three ways: doubles (integers, float64, and what the converter computes), float32
   * values in a {@code float[]}, or float32 values left in a file ({@link Slice}).
   */
  static final class Tensor {
    private final long[] dims;
    private final boolean integer;
    private final double[] doubles;
    private final float[] floats;
    private final Slice slice;

    private Tensor(long[] dims, boolean integer, double[] doubles, float[] floats, Slice slice) {
      this.dims = dims;
      this.integer = integer;
      this.doubles = doubles;
      this.floats = floats;
      this.slice = slice;
    }

    Tensor(long[] dims, double[] values, boolean integer) {
      this(dims, integer, values, null, null);
    }

    /** Float32 values. */
    Tensor(long[] dims, float[] values) {
      this(dims, false, null, values, null);
    }

    /** Float32 values left where {@code slice} says, read when needed. */
    static Tensor inFile(long[] dims, Slice slice) {
      return new Tensor(dims, false, null, null, slice);
    }

    long[] dims() {
      return dims;
    }

    boolean integer() {
      return integer;
    }

    long size() {
      return doubles != null ? doubles.length : floats != null ? floats.length : slice.bytes() / Float.BYTES;
    }

    /**
     * The values as doubles: the held array itself for doubles, else a widened copy (read from
     * the file for a {@link Slice}) — for the converter's arithmetic on small tensors, not for
     * weights on their way into the network.
     */
    double[] values() {
      if (doubles != null) {
        return doubles;
      }
      float[] f = floats != null ? floats : read(slice);
      double[] v = new double[f.length];
      for (int i = 0; i < v.length; i++) {
        v[i] = f[i];
      }
      return v;
    }

    /** The same values under other dimensions of the same size; nothing is copied. */
    Tensor reshape(long[] newDims) {
      long n = 1;
      for (long d : newDims) {
        n *= d;
      }
      if (n != size()) {
        throw new IllegalArgumentException("cannot view " + size() + " values as " + java.util.Arrays.toString(newDims));
      }
      return new Tensor(newDims, integer, doubles, floats, slice);
    }

    /**
     * Writes the values as float32 into {@code dst} (room for exactly {@link #size} floats, in
     * its own byte order) from its position 0. A {@link Slice} is read from its file straight
     * into {@code dst} when the byte orders agree: no copy on the Java heap.
     */
    void copyTo(ByteBuffer dst) {
      ByteBuffer b = dst.duplicate().order(dst.order()).clear();
      if (slice != null && dst.order() == ByteOrder.LITTLE_ENDIAN) {
        readInto(slice, b);
      } else if (slice != null || floats != null) {
        b.asFloatBuffer().put(floats != null ? floats : read(slice));
      } else {
        FloatBuffer f = b.asFloatBuffer();
        for (double d : doubles) {
          f.put((float) d);
        }
      }
    }

    private static float[] read(Slice s) {
      float[] f = new float[Math.toIntExact(s.bytes() / Float.BYTES)];
      ByteBuffer.wrap(readBytes(s)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
      return f;
    }

    static byte[] readBytes(Slice s) {
      ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(s.bytes()));
      readInto(s, b);
      return b.array();
    }

    private static void readInto(Slice s, ByteBuffer dst) {
      try (FileChannel ch = FileChannel.open(s.file())) {
        long pos = s.offset();
        dst.limit(dst.position() + Math.toIntExact(s.bytes()));
        while (dst.hasRemaining()) {
          int n = ch.read(dst, pos);
          if (n < 0) {
            throw new ConvcutException(s.file() + ": ends at byte " + pos + ", but a tensor's data runs to byte "
                + (s.offset() + s.bytes()) + " (the file changed or was cut short since it was read)");
          }
          pos += n;
        }
      } catch (IOException e) {
        throw new ConvcutException(s.file() + ": unreadable: " + e.getMessage(), e);
      }
    }
  }

  /** Reads {@code t} of {@code model}, reading no data of a float32 tensor whose raw bytes lie in the file. */
  static Tensor read(OnnxMl.TensorProto t, Path model) {
    return read(t, model, -1);
  }

  /**
   * Reads {@code t} of {@code model}; {@code rawOffset}, where known (else -1), is where its
   * {@code raw_data} bytes start in the model file, so a float32 tensor's values are left there.
   */
  static Tensor read(OnnxMl.TensorProto t, Path model, long rawOffset) {
    long[] dims = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
    long n = 1;
    for (long d : dims) {
      n *= d;
    }
    if (n > Integer.MAX_VALUE) {
      throw new ConvcutException(model + ": tensor " + t.getName() + " has " + n + " elements, too many");
    }
    int type = t.getDataType();
    int width = switch (type) {
      case 1, 6 -> 4; // FLOAT, INT32
      case 7, 11 -> 8; // INT64, DOUBLE
      case 10, 5, 4 -> 2; // FLOAT16, INT16, UINT16
      case 2, 3, 9 -> 1; // UINT8, INT8, BOOL
      default -> throw new ConvcutException(model + ": tensor " + t.getName() + " has ONNX data type " + type
          + ", which convcut does not read (float32/64/16 and integers only)");
    };
    boolean integer = type != 1 && type != 10 && type != 11;
    boolean external = t.getDataLocation() == OnnxMl.TensorProto.DataLocation.EXTERNAL;
    if (external || !t.getRawData().isEmpty()) {
      long bytes = external ? n * width : t.getRawData().size();
      if (bytes != n * width) {
        throw new ConvcutException(model + ": tensor " + t.getName() + " holds " + bytes + " bytes for "
            + n + " elements of " + width + " bytes (cut short or corrupt)");
      }
      Slice where = external ? external(t, model, bytes) : rawOffset >= 0 ? new Slice(model, rawOffset, bytes) : null;
      if (type == 1 && where != null) {
        return Tensor.inFile(dims, where);
      }
      ByteBuffer raw = (where != null ? ByteBuffer.wrap(Tensor.readBytes(where)) : t.getRawData().asReadOnlyByteBuffer())
          .order(ByteOrder.LITTLE_ENDIAN);
      if (type == 1) {
        float[] f = new float[(int) n];
        raw.asFloatBuffer().get(f);
        return new Tensor(dims, f);
      }
      double[] v = new double[(int) n];
      for (int i = 0; i < n; i++) {
        v[i] = switch (type) {
          case 11 -> raw.getDouble();
          case 7 -> raw.getLong();
          case 6 -> raw.getInt();
          case 10 -> half(raw.getShort());
          case 5 -> raw.getShort();
          case 4 -> raw.getShort() & 0xffff;
          case 3 -> raw.get();
          default -> raw.get() & 0xff;
        };
      }
      return new Tensor(dims, v, integer);
    }
    int count = switch (type) {
      case 1 -> t.getFloatDataCount();
      case 11 -> t.getDoubleDataCount();
      case 7 -> t.getInt64DataCount();
      default -> t.getInt32DataCount();
    };
    if (count != n) {
      throw new ConvcutException(model + ": tensor " + t.getName() + " holds " + count + " values for " + n
          + " elements (cut short or corrupt)");
    }
    if (type == 1) {
      float[] f = new float[(int) n];
      for (int i = 0; i < n; i++) {
        f[i] = t.getFloatData(i);
      }
      return new Tensor(dims, f);
    }
    double[] v = new double[(int) n];
    for (int i = 0; i < n; i++) {
      v[i] = switch (type) {
        case 11 -> t.getDoubleData(i);
        case 7 -> t.getInt64Data(i);
        case 10 -> half((short) t.getInt32Data(i));
        default -> t.getInt32Data(i);
      };
    }
    return new Tensor(dims, v, integer);
  }

  private static Slice external(OnnxMl.TensorProto t, Path model, long bytes) {
    String location = null;
    long offset = 0;
    for (OnnxMl.StringStringEntryProto e : t.getExternalDataList()) {
      switch (e.getKey()) {
        case "location" -> location = e.getValue();
        case "offset" -> offset = Long.parseLong(e.getValue());
        default -> { }
      }
    }
    Path dir = model.toAbsolutePath().getParent();
    Path data = location == null ? null : dir.resolve(location).normalize();
    if (data == null || !data.startsWith(dir) || !Files.isRegularFile(data)) {
      throw new ConvcutException(model + ": initializer " + t.getName() + " keeps its data in the external file "
          + (location == null ? "(unnamed)" : dir.resolve(location)) + ", which is missing; keep the .onnx file beside its"
          + " data files");
    }
    long length;
    try {
      length = Files.size(data);
    } catch (IOException e) {
      throw new ConvcutException(data + ": unreadable: " + e.getMessage(), e);
    }
    if (offset + bytes > length) {
      throw new ConvcutException(data + ": " + length + " bytes, but initializer " + t.getName() + " needs bytes "
          + offset + ".." + (offset + bytes) + " (cut short)");
    }
    return new Slice(data, offset, bytes);
  }

  /** IEEE 754 half precision to float (Java 17 has no Float.float16ToFloat). */
  static float half(short h) {
    int sign = (h & 0x8000) << 16;
    int exp = (h >> 10) & 0x1f;
    int mant = h & 0x3ff;
    if (exp == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
    }
    if (exp == 0) {
      float f = mant / 1024f / 16384f;
      return sign != 0 ? -f : f;
    }
    return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
  }
}
