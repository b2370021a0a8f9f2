package dev.convcut.report.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convcut.io.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the report shows of a run's {@code run.json}: the command, the model and dataset it was
 * configured with, when it ran and from which commit. Every field is null when run.json lacks it.
 */
public record RunSummary(String command, List<String> arguments, String model, String dataset, String started,
    String finished, String gitCommit, Boolean gitDirty, String convcutVersion) {

  /** Reads the summary from a run.json written by {@link dev.convcut.provenance.Provenance}. */
  public static RunSummary read(Path file) {
    JsonNode root = Json.readFile(file, JsonNode.class);
    JsonNode config = root.path("configuration");
    JsonNode code = root.path("code");
    List<String> args = new ArrayList<>();
    root.path("arguments").forEach(a -> args.add(a.asText()));
    return new RunSummary(text(root.path("command")), args,
        find(config, "model"), find(config, "dataset"), text(root.path("started")), text(root.path("finished")),
        text(code.path("gitCommit")), code.path("gitDirty").isBoolean() ? code.path("gitDirty").asBoolean() : null,
        text(code.path("convcutVersion")));
  }

  public RunSummary {
    arguments = arguments == null ? List.of() : List.copyOf(arguments);
  }

  /** The command as typed, e.g. {@code convcut demo --out runs/demo}; null when run.json names no command. */
  public String commandLine() {
    if (command == null) {
      return null;
    }
    // Some commands record their own name as the first argument, others do not.
    List<String> rest = !arguments.isEmpty() && arguments.get(0).equals(command) ? arguments.subList(1, arguments.size()) : arguments;
    return String.join(" ", Stream.concat(Stream.of("convcut", command), rest.stream()).toList());
  }

  /**
   * The configuration's value named {@code key}, searched breadth-first because each command nests
   * its configuration differently: a text is taken as is, an object by its "name" or "path" field.
   */
  static String find(JsonNode config, String key) {
    List<JsonNode> level = List.of(config);
    while (!level.isEmpty()) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : level) {
        JsonNode hit = node.get(key);
        if (hit != null && hit.isValueNode() && !hit.isNull()) {
          return hit.asText();
        }
        if (hit != null && hit.isObject()) {
          String named = text(hit.has("name") ? hit.get("name") : hit.path("path"));
          if (named != null) {
            return named;
          }
        }
        node.forEach(child -> {
          if (child.isContainerNode()) {
            next.add(child);
          }
        });
      }
      level = next;
    }
    return null;
  }

  private static String text(JsonNode node) {
    return node != null && node.isValueNode() && !node.isNull() && !node.asText().isBlank() ? node.asText() : null;
  }
}
