package dev.convcut.report.data;

import dev.convcut.ConvcutException;
import dev.convcut.InvalidSettingException;
import dev.convcut.Setting;
import dev.convcut.Words;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a run directory's study files are: each one directly in the directory or in one of its
 * sub-directories (the layout of docs/formats.md). A file found in two sub-directories is an
 * error, since the report could not tell which one was meant.
 *
 * @param found per file name (see {@link #NAMES}), its path; names not found are absent
 */
public record StudyFiles(Path dir, Map<String, Path> found) {
  public static final String SPECTRUM = "spectrum.csv";
  public static final String SINGULAR_VALUES = "singular_values.json";
  public static final String SWEEP = "sweep.csv";
  public static final String GLOBAL = "global.csv";
  public static final String RETRAIN = "retrain.csv";
  /** The evaluation set's paired standard error on a few sweep rows (optional; the study writes it). */
  public static final String NOISE = "noise.csv";
  public static final String RUN_JSON = "run.json";
  /** The data files, in the order the report presents them. */
  public static final List<String> NAMES = List.of(SPECTRUM, SINGULAR_VALUES, SWEEP, GLOBAL, RETRAIN);
  /** Files read when present that do not make a study run on their own. */
  public static final List<String> OPTIONAL = List.of(NOISE);

  public StudyFiles {
    found = Map.copyOf(found);
  }

  /**
   * Finds the study files in {@code dir} or one level down; {@code run.json} is taken only from
   * {@code dir} itself (each command also leaves one beside its own outputs).
   */
  public static StudyFiles locate(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new InvalidSettingException(Setting.RUN, dir, " " + dir + ": no such directory");
    }
    List<Path> subdirs;
    try (Stream<Path> list = Files.list(dir)) {
      subdirs = list.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new ConvcutException("could not list " + dir + ": " + e.getMessage(), e);
    }
    Map<String, Path> found = new LinkedHashMap<>();
    for (String name : java.util.stream.Stream.concat(NAMES.stream(), OPTIONAL.stream()).toList()) {
      Path direct = dir.resolve(name);
      if (Files.isRegularFile(direct)) {
        found.put(name, direct);
        continue;
      }
      List<Path> below = new ArrayList<>();
      for (Path sub : subdirs) {
        if (Files.isRegularFile(sub.resolve(name))) {
          below.add(sub.resolve(name));
        }
      }
      if (below.size() > 1) {
        throw new ConvcutException(Words.of(dir + ": " + name + " is in more than one sub-directory (" + below
            + "); point ", Setting.RUN, " at the one to report on"));
      }
      below.forEach(p -> found.put(name, p));
    }
    if (NAMES.stream().noneMatch(found::containsKey)) {
      throw new ConvcutException(dir + ": no study files found; looked for " + String.join(", ", NAMES)
          + " in the directory and one level down (see docs/formats.md)");
    }
    if (Files.isRegularFile(dir.resolve(RUN_JSON))) {
      found.put(RUN_JSON, dir.resolve(RUN_JSON));
    }
    return new StudyFiles(dir, found);
  }

  /** The path of {@code name}, or null when the run does not have it. */
  public Path get(String name) {
    return found.get(name);
  }

  /** The data files the run lacks, in {@link #NAMES} order. */
  public List<String> missing() {
    return NAMES.stream().filter(n -> !found.containsKey(n)).toList();
  }
}
