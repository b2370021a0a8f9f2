package dev.convcut.study;

import dev.convcut.ConvcutException;
import dev.convcut.Setting;
import dev.convcut.Words;
import dev.convcut.io.CsvTable;
import dev.convcut.io.OutputLock;
import dev.convcut.io.Progress;
import dev.convcut.model.Network;
import dev.convcut.provenance.Provenance;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The life of one sweep-like run in its folder, shared by the layer-wise sweep and the global
 * truncation: lock the folder against other runs, refuse a folder of another command, discard an
 * earlier run when forced, take the configuration lock, open the row log, learn which rows are done
 * (refusing a log that holds a row twice) and the baseline (scoring it if no earlier run did), and
 * at the end write the JSON and run.json.
 */
final class SweepRun implements AutoCloseable {
  final RowLog log;
  private final OutputLock lock;
  final Set<String> done = new HashSet<>();
  final Score baseline;
  private final String name;
  private final Object configuration;
  private final EvalSet eval;
  private final int resumed;
  private final long started = System.nanoTime();
  private int evaluations;
  private Map<String, Object> remote;
  private boolean closed;

  private SweepRun(OutputLock lock, String name, Object configuration, EvalSet eval, RowLog log, Score baseline, int resumed) {
    this.lock = lock;
    this.name = name;
    this.configuration = configuration;
    this.eval = eval;
    this.log = log;
    this.baseline = baseline;
    this.resumed = resumed;
  }

  /**
   * Starts (or resumes) the run {@code name} in {@code s.out()}.
   *
   * @param key a finished row's identity
   * @param baselineRow the fields of the baseline row for a score
   */
  static SweepRun start(String name, List<String> columns, Network net, EvalSet eval, SweepSettings s, Object configuration,
      Function<CsvTable.Row, String> key, Function<Score, List<Object>> baselineRow, Provenance provenance) {
    OutputLock lock = OutputLock.acquire(s.out());
    try {
      return start(lock, name, columns, net, eval, s, configuration, key, baselineRow, provenance);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  private static SweepRun start(OutputLock lock, String name, List<String> columns, Network net, EvalSet eval, SweepSettings s,
      Object configuration, Function<CsvTable.Row, String> key, Function<Score, List<Object>> baselineRow, Provenance provenance) {
    AnalysisFolder.check(s.out(), provenance.command(), s.force());
    SweepFiles.prepare(s.out(), name, s.force());
    ConfigLock.acquire(s.out(), name, configuration);
    RowLog log = RowLog.open(s.out().resolve(name + ".csv"), columns);
    Score found = null;
    Set<String> done = new HashSet<>();
    try {
      for (CsvTable.Row r : log.existing()) {
        if (!done.add(key.apply(r))) {
          throw new ConvcutException(Words.of(log.file() + ": the row " + key.apply(r) + " appears twice (two runs wrote into this"
              + " folder at once?); its rows cannot be trusted to resume from. Use another ", Words.term(Setting.OUT, "output path"),
              ", or ", Setting.FORCE, " to start over"));
        }
        if (SweepRow.BASELINE.equals(r.text("level"))) {
          found = score(r);
        }
      }
    } catch (RuntimeException e) {
      log.close();
      throw e;
    }
    boolean scored = found == null;
    if (scored) {
      try (Progress bar = progress(s, "baseline", eval.size())) {
        found = VariantScoring.full(net, eval, s.batchSize(), bar);
      }
      log.append(baselineRow.apply(found));
    }
    SweepRun run = new SweepRun(lock, name, configuration, eval, log, found, log.existing().size());
    run.done.addAll(done);
    run.evaluations = scored ? 1 : 0;
    return run;
  }

  /** A row's score as the file holds it. */
  static Score score(CsvTable.Row r) {
    return new Score(r.number("top1"), r.number("top5"), r.number("loss"), r.integer("eval_samples"));
  }

  void evaluated(int n) {
    evaluations += n;
  }

  /** Records where the evaluations ran ({@link RemoteEvaluations#report()}) in the summary. */
  void ranOn(RemoteEvaluations on) {
    remote = on.report();
  }

  static Progress progress(SweepSettings s, String label, long total) {
    return s.progress() ? new Progress(label, total, "img") : new Progress(System.err, false, label, total, "img");
  }

  /** Closes the log, writes {@code NAME.json} and run.json, and says what the run did. */
  SweepOutcome finish(Path out, Provenance provenance) {
    log.close();
    double seconds = (System.nanoTime() - started) / 1e9;
    Path csv = out.resolve(name + ".csv");
    int rows = CsvTable.read(csv).rows().size();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("rows", rows);
    summary.put("evaluationsThisRun", evaluations);
    summary.put("rowsFromEarlierRun", resumed);
    summary.put("secondsThisRun", seconds);
    summary.put("evalSet", eval.subset().toString());
    if (remote != null) {
      summary.put("evaluatedOn", remote);
    }
    Path json = SweepFiles.writeJson(csv, configuration, summary);
    provenance.configuration(configuration).writeTo(out, summary);
    return new SweepOutcome(csv, json, rows, evaluations, resumed, baseline, seconds);
  }

  /** Closes the row log and releases the folder; a second call does nothing. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      log.close();
    } finally {
      lock.close();
    }
  }
}
