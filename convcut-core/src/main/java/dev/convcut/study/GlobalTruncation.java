package dev.convcut.study;

import dev.convcut.io.Progress;
import dev.convcut.model.Network;
import dev.convcut.provenance.Provenance;
import dev.convcut.tensor.Cut;
import dev.convcut.tensor.CutSpectrum;
import dev.convcut.tensor.CutSvds;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.Level;
import dev.convcut.tensor.decompose.CutFactors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Experiment 3 of docs/science.md, global ("aggressive") truncation: every selected layer truncated
 * at once along one cut to a common level, the network scored with a full forward pass, one row
 * of {@code global.csv} per (cut, level). A layer for which the cut is trivial (or not one of its
 * cuts) is left as it is and not counted. Levels that give every layer the same ranks share one
 * evaluation; rows are durable and a run resumes exactly as {@link LayerwiseSweep} does.
 */
public final class GlobalTruncation {
  public static final String NAME = "global";

  private GlobalTruncation() {}

  /** One layer's part in a global truncation: the rank it keeps along the cut and its metrics. */
  private record Part(String layer, Cut cut, int rank, CutSpectrum spectrum, long dense, long factorized) {
    boolean truncated() {
      return rank < spectrum.fullRank();
    }
  }

  /** Runs (or resumes) the global truncation; writes {@code global.csv}, {@code global.json}, the lock and {@code run.json}. */
  public static SweepOutcome run(Network net, EvalSet eval, SweepSettings settings, String dataset, String checkpointSha256,
      Provenance provenance) {
    SweepSettings.Configuration config = settings.configuration("global", net.spec().model(), dataset, checkpointSha256, eval);
    Map<String, CutSvds> svds = new LinkedHashMap<>();
    for (String layer : settings.layers()) {
      svds.put(layer, CutSvds.of(LayerKernels.kernel(net, layer)));
    }
    Map<String, Score> byEvaluation = new HashMap<>();
    try (SweepRun run = SweepRun.start(NAME, GlobalRow.COLUMNS, net, eval, settings, config, r -> {
      byEvaluation.putIfAbsent(r.text("evaluation"), SweepRun.score(r));
      return GlobalRow.key(r.text("cut"), r.text("level"));
    }, b -> GlobalRow.baseline(b).fields(), provenance)) {
      byEvaluation.put(SweepRow.BASELINE, run.baseline);
      for (Cut cut : settings.grid().cuts()) {
        for (Level level : settings.grid().levels()) {
          if (run.done.contains(GlobalRow.key(cut.toString(), level.toString()))) {
            continue;
          }
          List<Part> parts = parts(svds, cut, level);
          if (parts.isEmpty()) {
            continue;
          }
          String key = evaluationKey(cut, parts);
          Score score = byEvaluation.get(key);
          if (score == null) {
            score = score(net, svds, parts, eval, settings, cut + " " + level);
            run.evaluated(1);
            byEvaluation.put(key, score);
          }
          run.log.append(row(cut, level, parts, score, run.baseline, key).fields());
        }
      }
      return run.finish(settings.out(), provenance);
    }
  }

  private static List<Part> parts(Map<String, CutSvds> svds, Cut cut, Level level) {
    List<Part> parts = new ArrayList<>();
    for (Map.Entry<String, CutSvds> e : svds.entrySet()) {
      Kernel k = e.getValue().kernel();
      if (cut.order() != k.order() || cut.isTrivial(k)) {
        continue;
      }
      CutSpectrum s = e.getValue().svd(cut).spectrum();
      int rank = LayerVariants.rankFor(level, s);
      parts.add(new Part(e.getKey(), cut, rank, s, k.size(), CutFactors.parameters(cut, k.shape(), rank)));
    }
    return parts;
  }

  /** Rows whose layers keep the same ranks along the same matricizations share an evaluation. */
  private static String evaluationKey(Cut cut, List<Part> parts) {
    StringBuilder b = new StringBuilder();
    for (Part p : parts) {
      if (p.truncated()) {
        b.append(b.length() == 0 ? "" : " ").append(p.layer()).append('@').append(p.rank());
      }
    }
    return b.length() == 0 ? SweepRow.BASELINE : cut + ": " + b;
  }

  private static Score score(Network net, Map<String, CutSvds> svds, List<Part> parts, EvalSet eval, SweepSettings settings,
      String label) {
    Map<String, float[]> originals = new LinkedHashMap<>();
    try {
      for (Part p : parts) {
        if (p.truncated()) {
          originals.put(p.layer(), net.weight(p.layer()));
          LayerKernels.write(net, p.layer(), svds.get(p.layer()).svd(p.cut()).truncate(p.rank()).kernel());
        }
      }
      try (Progress bar = SweepRun.progress(settings, label, eval.size())) {
        return VariantScoring.full(net, eval, settings.batchSize(), bar);
      }
    } finally {
      originals.forEach(net::setWeight);
    }
  }

  private static GlobalRow row(Cut cut, Level level, List<Part> parts, Score score, Score baseline, String key) {
    double sum = 0;
    double max = 0;
    long dense = 0;
    long factorized = 0;
    for (Part p : parts) {
      double eta = p.spectrum().normLoss(p.rank());
      sum += eta;
      max = Math.max(max, eta);
      dense += p.dense();
      factorized += p.factorized();
    }
    return new GlobalRow(cut.toString(), level.toString(), parts.size(), sum / parts.size(), max, score, baseline.top1(), dense,
        factorized, key);
  }
}
