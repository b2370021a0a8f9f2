package dev.convcut.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convcut.ConvcutException;
import dev.convcut.Setting;
import dev.convcut.Words;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Guards the folder an analysis of a checkpoint (spectrum, sweep, re-training) writes into, so its
 * {@code run.json} never replaces another run's record: a checkpoint folder is refused always (its
 * provenance would be lost, and forcing would delete it), and a folder whose {@code
 * run.json} was written by another command is refused unless forced.
 */
final class AnalysisFolder {
  private AnalysisFolder() {}

  /** Throws if {@code out} may not receive the outputs of {@code command}; a missing folder is fine. */
  static void check(Path out, String command, boolean force) {
    if (Files.isRegularFile(out.resolve(Checkpoints.ARCHITECTURE))) {
      throw new ConvcutException(Words.of(out + " is a checkpoint (it holds " + Checkpoints.ARCHITECTURE + "); the " + kind(command)
          + " outputs and their run.json would overwrite its record; choose another ", Words.term(Setting.OUT, "output path")));
    }
    Path run = out.resolve(Checkpoints.RUN);
    if (force || !Files.isRegularFile(run)) {
      return;
    }
    String other = Json.readFile(run, JsonNode.class).path("command").asText("");
    if (!kind(other).equals(kind(command))) {
      throw new ConvcutException(Words.of(out + " holds the outputs of another command ('" + other + "', in " + Checkpoints.RUN
          + "); choose another ", Words.term(Setting.OUT, "output path"), ", or pass ", Setting.FORCE, " to replace its run.json"));
    }
  }

  /** The kind of a recorded command: {@code sweep} for {@code sweep --global}, {@code retrain} for {@code study retrain}. */
  static String kind(String command) {
    return Arrays.stream(command.trim().split("\\s+"))
        .filter(w -> !w.startsWith("--") && !w.equals("study") && !w.equals("demo"))
        .findFirst().orElse(command.trim());
  }
}
