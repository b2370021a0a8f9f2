package dev.convcut.report;

import dev.convcut.ConvcutException;
import dev.convcut.InvalidSettingException;
import dev.convcut.Setting;
import dev.convcut.io.AtomicFiles;
import dev.convcut.io.Json;
import dev.convcut.io.OutputPlace;
import dev.convcut.provenance.Provenance;
import dev.convcut.report.analysis.Analysis;
import dev.convcut.report.analysis.Criteria;
import dev.convcut.report.analysis.Findings;
import dev.convcut.report.data.StudyFiles;
import dev.convcut.report.data.StudyRun;
import dev.convcut.report.html.ReportPage;
import dev.convcut.report.plot.Figure;
import dev.convcut.report.plot.ReportFigures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the report of a study run: reads the run's files, judges the findings, draws the plots
 * and writes {@code index.html}, the PNGs and {@code run.json} into one folder, atomically.
 *
 * <p>A report is derived output, so re-running replaces the previous report folder (as a whole,
 * only once the new one is complete). A folder that is not a convcut report is never replaced
 * without {@code force}, and the run's own files are never replaced at all.
 */
public final class Report {
  /** The report folder's name inside the run directory when no other is given. */
  public static final String DEFAULT_FOLDER = "report";
  public static final String INDEX = "index.html";
  private static final String COMMAND = "report";

  private Report() {}

  /**
   * What was written.
   *
   * @param files every file in the report folder
   */
  public record Result(Path folder, Path index, Findings findings, List<Path> files) {}

  /** The configuration recorded in the report's run.json. */
  record Configuration(String run, String out, double tolerance, int recoverEpochs, double minNormLoss, boolean force) {}

  /**
   * Writes the report of {@code runDir} into {@code out} ({@code runDir/report} when null).
   *
   * @param arguments the command line, for run.json
   */
  public static Result write(Path runDir, Path out, Criteria criteria, boolean force, List<String> arguments) {
    Provenance provenance = Provenance.start(COMMAND, arguments).withoutEngine();
    StudyRun run = StudyRun.load(runDir);
    Path folder = (out == null ? runDir.resolve(DEFAULT_FOLDER) : out).toAbsolutePath().normalize();
    checkTarget(run.files(), folder, force);
    Findings findings = Analysis.analyze(run, criteria);
    ReportFigures figures = ReportFigures.draw(run, findings);
    String html = ReportPage.render(run, findings, figures);
    AtomicFiles.writeDirectory(folder, true, dir -> {
      for (Figure f : figures.all()) {
        Files.write(dir.resolve(f.fileName()), f.png());
      }
      Files.writeString(dir.resolve(INDEX), html);
      provenance.configuration(new Configuration(runDir.toString(), folder.toString(), criteria.tolerance(),
          criteria.recoverEpochs(), criteria.minNormLoss(), force));
      run.files().found().forEach(provenance::input);
      provenance.writeTo(dir, findings);
    });
    List<Path> files = Stream.concat(figures.all().stream().map(f -> folder.resolve(f.fileName())),
        Stream.of(folder.resolve(INDEX), folder.resolve("run.json"))).toList();
    return new Result(folder, folder.resolve(INDEX), findings, files);
  }

  /**
   * Refuses a target that holds the run's own files, and, without {@code force}, an existing
   * target that is neither empty nor an earlier report.
   */
  static void checkTarget(StudyFiles files, Path folder, boolean force) {
    Path runDir = files.dir().toAbsolutePath().normalize();
    boolean holdsInputs = runDir.startsWith(folder)
        || files.found().values().stream().anyMatch(p -> p.toAbsolutePath().normalize().startsWith(folder));
    if (holdsInputs) {
      throw new InvalidSettingException(Setting.OUT, folder, " " + folder + " holds the run's own files; the report folder would"
          + " replace them. "
          + "Choose a new folder, e.g. " + runDir.resolve(DEFAULT_FOLDER));
    }
    if (Files.exists(folder) && !force && !isEmptyDirectory(folder) && !isReport(folder)) {
      throw OutputPlace.taken(folder + " exists and is not a convcut report", true);
    }
  }

  /** Whether {@code folder} was written by this command: its run.json names the report command. */
  static boolean isReport(Path folder) {
    Path json = folder.resolve("run.json");
    if (!Files.isDirectory(folder) || !Files.isRegularFile(json) || !Files.isRegularFile(folder.resolve(INDEX))) {
      return false;
    }
    try {
      return COMMAND.equals(Json.mapper().readTree(json.toFile()).path("command").asText());
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isEmptyDirectory(Path folder) {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> list = Files.list(folder)) {
      return list.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }
}
