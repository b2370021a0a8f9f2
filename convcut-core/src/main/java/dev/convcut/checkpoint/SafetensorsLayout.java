package dev.convcut.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convcut.ConvcutException;
import dev.convcut.io.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Checks that a safetensors file is whole before it is decoded: the 8-byte header length, the JSON
 * header and every tensor's {@code data_offsets} must lie within the file. A file cut short (a
 * copy that stopped, a full disk) is named with the byte it ends at and the size it should have,
 * where the decoder would only say "malformed data".
 */
final class SafetensorsLayout {
  /** A header longer than this is not a safetensors header (the format's own limit is 100 MB). */
  private static final long MAX_HEADER = 100_000_000L;

  private SafetensorsLayout() {}

  /** Whether {@code file} starts like a safetensors file (npz files start with a ZIP signature). */
  static boolean looksLikeSafetensors(FileChannel ch) throws IOException {
    ByteBuffer head = ByteBuffer.allocate(2);
    ch.read(head, 0);
    return !(head.position() == 2 && head.get(0) == 'P' && head.get(1) == 'K');
  }

  /** Refuses a safetensors file that ends before its header says it should. */
  static void checkWhole(Path file, FileChannel ch) throws IOException {
    long size = ch.size();
    if (size < 8) {
      throw new ConvcutException(file + ": cut short at byte " + size + "; a safetensors file starts with an 8-byte header length");
    }
    ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    ch.read(len, 0);
    long headerLength = len.getLong(0);
    if (headerLength < 2 || headerLength > MAX_HEADER) {
      throw new ConvcutException(file + ": not a safetensors file (header length " + headerLength + " at byte 0)");
    }
    if (8 + headerLength > size) {
      throw new ConvcutException(file + ": cut short at byte " + size + " of at least " + (8 + headerLength)
          + " (the JSON header alone ends at byte " + (8 + headerLength) + ")");
    }
    ByteBuffer header = ByteBuffer.allocate((int) headerLength);
    ch.read(header, 8);
    JsonNode root;
    try {
      root = Json.mapper().readTree(new String(header.array(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConvcutException(file + ": not a safetensors file (its header at bytes 8.." + (8 + headerLength) + " is not JSON)", e);
    }
    long end = 0;
    String last = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode offsets = e.getValue().get("data_offsets");
      if (offsets != null && offsets.size() == 2 && offsets.get(1).asLong() > end) {
        end = offsets.get(1).asLong();
        last = e.getKey();
      }
    }
    long expected = 8 + headerLength + end;
    if (expected > size) {
      throw new ConvcutException(file + ": cut short at byte " + size + " of " + expected + " (the header places " + last
          + " up to byte " + expected + ")");
    }
  }
}
