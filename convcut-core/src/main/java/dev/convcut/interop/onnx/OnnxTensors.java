package dev.convcut.interop.onnx;

import ai.onnx.proto.OnnxMl;
import dev.convcut.ConvcutException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an ONNX tensor (an initializer or a {@code Constant}'s value) into doubles: float32/64
 * and float16, and the integer types shape arithmetic uses; raw or typed fields, or external data
 * beside the model file.
 */
final class OnnxTensors {
  private OnnxTensors() {}

  /** A tensor's dimensions and values, and whether its type is an integer type. */
  record Tensor(long[] dims, double[] values, boolean integer) {
    long size() {
      return values.length;
    }
  }

  static Tensor read(OnnxMl.TensorProto t, Path model) {
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
    double[] v = new double[(int) n];
    ByteBuffer raw = null;
    if (t.getDataLocation() == OnnxMl.TensorProto.DataLocation.EXTERNAL) {
      raw = external(t, model, n * width);
    } else if (!t.getRawData().isEmpty()) {
      raw = t.getRawData().asReadOnlyByteBuffer();
    }
    if (raw != null) {
      raw.order(ByteOrder.LITTLE_ENDIAN);
      if (raw.remaining() != n * width) {
        throw new ConvcutException(model + ": tensor " + t.getName() + " holds " + raw.remaining() + " bytes for "
            + n + " elements of " + width + " bytes (cut short or corrupt)");
      }
      for (int i = 0; i < n; i++) {
        v[i] = switch (type) {
          case 1 -> raw.getFloat();
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
    for (int i = 0; i < n; i++) {
      v[i] = switch (type) {
        case 1 -> t.getFloatData(i);
        case 11 -> t.getDoubleData(i);
        case 7 -> t.getInt64Data(i);
        case 10 -> half((short) t.getInt32Data(i));
        default -> t.getInt32Data(i);
      };
    }
    return new Tensor(dims, v, integer);
  }

  private static ByteBuffer external(OnnxMl.TensorProto t, Path model, long bytes) {
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
    try (RandomAccessFile f = new RandomAccessFile(data.toFile(), "r")) {
      if (offset + bytes > f.length()) {
        throw new ConvcutException(data + ": " + f.length() + " bytes, but initializer " + t.getName() + " needs bytes "
            + offset + ".." + (offset + bytes) + " (cut short)");
      }
      byte[] b = new byte[(int) bytes];
      f.seek(offset);
      f.readFully(b);
      return ByteBuffer.wrap(b);
    } catch (IOException e) {
      throw new ConvcutException(data + ": unreadable: " + e.getMessage(), e);
    }
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
