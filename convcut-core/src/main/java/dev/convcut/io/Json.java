package dev.convcut.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.convcut.ConvcutException;
import java.io.IOException;
import java.nio.file.Path;

/** The one JSON mapper convcut uses: pretty, stable key order, records supported. */
public final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          // Paths as people write them ("/data/x"), not as file: URIs, Jackson's default.
          .addModule(new SimpleModule("paths").addSerializer(Path.class, ToStringSerializer.instance))
          .build();

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Serializes {@code value} as pretty JSON text. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value) + "\n";
    } catch (IOException e) {
      throw new ConvcutException("could not serialize " + value.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code value} as JSON to {@code file}, atomically. */
  public static void writeFile(Path file, Object value) {
    AtomicFiles.writeString(file, write(value));
  }

  /** Reads {@code file} as {@code type}; the error names the file and the JSON problem. */
  public static <T> T readFile(Path file, Class<T> type) {
    try {
      return MAPPER.readValue(file.toFile(), type);
    } catch (IOException e) {
      String why = e instanceof JsonProcessingException jp ? JsonProblem.describe(jp) : IoReason.of(e, file);
      throw new ConvcutException(file + ": not a valid " + type.getSimpleName() + " JSON file: " + why, e);
    }
  }
}
