package dev.convcut.study.pipeline;

import ai.djl.ndarray.NDManager;
import dev.convcut.checkpoint.Architecture;
import dev.convcut.checkpoint.Checkpoint;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.data.ImageSet;
import dev.convcut.io.Hashing;
import dev.convcut.study.AppliedTruncation;
import dev.convcut.study.EvalSet;
import dev.convcut.study.LayerKernels;
import dev.convcut.study.RetrainSettings;
import dev.convcut.study.Retraining;
import dev.convcut.study.Score;
import dev.convcut.study.TruncationSpec;
import dev.convcut.study.VariantScoring;
import dev.convcut.tensor.Cut;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The study's re-training step: the most aggressive global truncation that lost accuracy ({@link
 * RetrainChoice}) applied to a fresh copy of the model and saved as {@code retrain/truncated},
 * then re-trained densely (and, if configured, with projection) into {@code retrain/}, against
 * the untruncated model's top-1 on the same evaluation set.
 */
final class StudyRetrain {
  private StudyRetrain() {}

  static Optional<String> run(StudyConfig c, StudyPipeline.Options o, Architecture arch, Path model, Path globalCsv, List<String> layers,
      EvalSet eval, ImageSet train, Score baseline, NDManager manager) {
    Optional<RetrainChoice> choice = RetrainChoice.pick(globalCsv, c.tolerance());
    if (choice.isEmpty()) {
      o.log().println("  no global truncation lost more than " + c.tolerance() + " points of top-1: nothing to recover, nothing re-trained");
      return Optional.empty();
    }
    RetrainChoice ch = choice.get();
    o.log().printf(Locale.ROOT, "  re-training %s on all %d layers (mean norm loss %.3f, %+.2f points)%n", ch, layers.size(),
        ch.normLossMean(), ch.deltaTop1());
    Path dir = o.out().resolve("retrain");
    Path truncated = dir.resolve("truncated");
    if (!Files.isRegularFile(truncated.resolve(AppliedTruncation.FILE))) {
      try (Checkpoint ck = Checkpoints.load(model, manager)) {
        String spec = spec(ck, layers, ch);
        TruncationSpec.Plan plan = TruncationSpec.parse(spec).resolve(layers, LayerKernels.kernels(ck.network(), layers));
        AppliedTruncation a = AppliedTruncation.apply(ck.network(), plan, model.toString(), Hashing.sha256(Checkpoints.weights(model)));
        a = a.withEvaluation(new AppliedTruncation.Evaluation(eval.describe(), baseline,
            VariantScoring.full(ck.network(), eval, c.batchSize(), null)));
        Checkpoints.save(truncated, true, ck.network(), arch, null, Map.of(AppliedTruncation.FILE, a.json()),
            StudyPipeline.sub(o, "truncate"), a);
      }
    }
    List<Boolean> modes = new ArrayList<>(List.of(false));
    if (c.projected()) {
      modes.add(true);
    }
    for (boolean projected : modes) {
      try (Checkpoint ck = Checkpoints.load(truncated, manager)) {
        RetrainSettings s = new RetrainSettings(projected ? "projected" : "dense", c.retrain(), projected, c.tolerance(), dir, false,
            o.progress());
        Retraining.Outcome r = Retraining.run(ck.network(), new Retraining.Source(arch, AppliedTruncation.read(truncated), c.dataset(),
            Hashing.sha256(Checkpoints.weights(truncated))), eval, train, baseline.top1(), s, StudyPipeline.sub(o, "retrain"));
        StringBuilder curve = new StringBuilder();
        for (double top1 : r.top1()) {
          curve.append(curve.length() == 0 ? "" : " -> ").append(String.format(Locale.ROOT, "%.2f%%", 100 * top1));
        }
        o.log().printf(Locale.ROOT, "  %s: %s (baseline %.2f%%)%s%n", r.label(), curve, 100 * baseline.top1(),
            r.reused() ? ", from the earlier run" : "");
      }
    }
    return Optional.of(ch.toString());
  }

  /** The truncation spec of the choice: every layer of the global truncation for which the cut is not trivial. */
  static String spec(Checkpoint ck, List<String> layers, RetrainChoice ch) {
    Cut cut = Cut.parse(ch.cut());
    List<String> entries = new ArrayList<>();
    for (String l : layers) {
      Kernel k = LayerKernels.kernel(ck.network(), l);
      if (cut.order() == k.order() && !cut.isTrivial(k)) {
        // As the global truncation did: a rank above this layer's full rank keeps the full rank.
        String level = Level.parse(ch.level()) instanceof Level.Rank r && r.k() > cut.fullRank(k) ? "rank" + cut.fullRank(k) : ch.level();
        entries.add(l + ":" + cut + "=" + level);
      }
    }
    return String.join(";", entries);
  }
}
