package dev.convcut.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convcut.ConvcutException;
import dev.convcut.Setting;
import dev.convcut.Words;
import dev.convcut.io.AtomicFiles;
import dev.convcut.io.Hashing;
import dev.convcut.io.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ties an output folder to one configuration, so that a resumed run never mixes rows of two:
 * the first run stores its configuration and its SHA-256 in {@code NAME.config.json}; a later run
 * into the same folder continues only if its configuration is the same, and is otherwise refused
 * with the fields that differ.
 */
public final class ConfigLock {
  private ConfigLock() {}

  /** The file's name for a run named {@code name} (e.g. {@code sweep}). */
  public static String fileName(String name) {
    return name + ".config.json";
  }

  /**
   * Records {@code configuration} in {@code dir}, or checks it against the one recorded there.
   *
   * @return whether a configuration was already recorded (a resumed run)
   */
  public static boolean acquire(Path dir, String name, Object configuration) {
    Path file = dir.resolve(fileName(name));
    JsonNode now = canonical(Json.mapper().valueToTree(configuration));
    String sha = Hashing.sha256(Json.write(now).getBytes(StandardCharsets.UTF_8));
    if (!Files.exists(file)) {
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("sha256", sha);
      record.put("configuration", now);
      AtomicFiles.writeString(file, Json.write(record));
      return false;
    }
    JsonNode stored = Json.readFile(file, JsonNode.class);
    JsonNode before = canonical(stored.path("configuration"));
    if (!before.equals(now)) {
      List<String> diffs = new ArrayList<>();
      differences("", before, now, diffs);
      throw new ConvcutException(Words.of(dir + " holds a " + name + " run with another configuration (" + file.getFileName()
          + ", sha256 " + stored.path("sha256").asText() + "); it differs in: " + String.join("; ", diffs)
          + ". Use another ", Words.term(Setting.OUT, "output path"), ", or ", Setting.FORCE, " to discard that run and start over"));
    }
    return true;
  }

  /** The tree as a written file reads back, so numbers compare by value rather than by Java type. */
  private static JsonNode canonical(JsonNode node) {
    try {
      return Json.mapper().readTree(Json.write(node));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a JSON tree did not read back: " + e.getMessage(), e);
    }
  }

  private static void differences(String path, JsonNode a, JsonNode b, List<String> out) {
    if (a.isObject() && b.isObject()) {
      List<String> names = new ArrayList<>();
      a.fieldNames().forEachRemaining(names::add);
      for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
        String n = it.next();
        if (!names.contains(n)) {
          names.add(n);
        }
      }
      for (String n : names) {
        differences(path.isEmpty() ? n : path + "." + n, a.path(n), b.path(n), out);
      }
    } else if (!a.equals(b)) {
      out.add(path + " was " + (a.isMissingNode() ? "absent" : a.toString()) + ", now " + (b.isMissingNode() ? "absent" : b.toString()));
    }
  }
}
