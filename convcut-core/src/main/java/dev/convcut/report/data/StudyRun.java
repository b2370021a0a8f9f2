package dev.convcut.report.data;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Everything a run directory holds for the report, read and checked. A part whose file the run
 * lacks is null; the report then leaves its section out. {@code noise} is the evaluation set's
 * paired standard error on a few sweep rows ({@code noise.csv}), null when the run has none.
 */
public record StudyRun(StudyFiles files, RunSummary provenance, List<SpectrumEntry> spectrum,
    List<LayerSpectrum> singularValues, Sweep sweep, GlobalSweep global, List<RetrainEpoch> retrain, List<NoisePoint> noise) {

  /** Finds and reads the study files of {@code dir} (see {@link StudyFiles#locate}). */
  public static StudyRun load(Path dir) {
    StudyFiles files = StudyFiles.locate(dir);
    return new StudyRun(files,
        read(files, StudyFiles.RUN_JSON, RunSummary::read),
        read(files, StudyFiles.SPECTRUM, SpectrumEntry::read),
        read(files, StudyFiles.SINGULAR_VALUES, LayerSpectrum::read),
        read(files, StudyFiles.SWEEP, Sweep::read),
        read(files, StudyFiles.GLOBAL, GlobalSweep::read),
        read(files, StudyFiles.RETRAIN, RetrainEpoch::read),
        read(files, StudyFiles.NOISE, NoisePoint::read));
  }

  private static <T> T read(StudyFiles files, String name, Function<Path, T> reader) {
    Path p = files.get(name);
    return p == null ? null : reader.apply(p);
  }

  /** The untruncated model's accuracy: from the sweep, else from the global truncation; null if neither has it. */
  public Baseline baseline() {
    if (sweep != null && sweep.baseline() != null) {
      return sweep.baseline();
    }
    return global != null ? global.baseline() : null;
  }
}
