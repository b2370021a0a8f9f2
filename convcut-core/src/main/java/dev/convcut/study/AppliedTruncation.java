package dev.convcut.study;

import dev.convcut.io.Json;
import dev.convcut.model.Network;
import dev.convcut.tensor.Cut;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.Level;
import dev.convcut.tensor.Truncation;
import dev.convcut.tensor.TruncatedKernel;
import dev.convcut.tensor.TruncationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A truncation plan as applied to a network, stored as {@code truncation.json} in the truncated
 * checkpoint: for each layer the steps with the ranks they kept, the metrics of the final kernel
 * against the original (norm loss, relative error, discarded share, rank profile), and where the
 * weights came from. Re-training reads it for the baseline and for projection onto the same
 * ranks ({@link #project}).
 *
 * @param evaluation the original and truncated networks' scores on one evaluation set, or null
 */
public record AppliedTruncation(String spec, String source, String sourceWeightsSha256, List<LayerRecord> layers,
    List<String> skipped, Evaluation evaluation) {

  public static final String FILE = "truncation.json";

  /** One step as applied: the cut, the level as asked and the rank it kept of the full rank. */
  public record StepRecord(String cut, String level, int rank, int fullRank, double stepNormLoss) {}

  /** One truncated layer. */
  public record LayerRecord(String layer, String shape, List<StepRecord> steps, double normLoss, double relError, double discarded,
      Map<String, Integer> rankProfile) {
    public LayerRecord {
      steps = List.copyOf(steps);
      rankProfile = rankProfile == null ? Map.of() : new LinkedHashMap<>(rankProfile);
    }
  }

  /** Scores on one evaluation set before and after truncating. */
  public record Evaluation(EvalSet.Description eval, Score baseline, Score truncated) {}

  public AppliedTruncation {
    layers = List.copyOf(layers);
    skipped = skipped == null ? List.of() : List.copyOf(skipped);
  }

  /** Truncates {@code net}'s layers in place as {@code plan} says and returns the record (without evaluation). */
  public static AppliedTruncation apply(Network net, TruncationSpec.Plan plan, String source, String sourceSha256) {
    List<LayerRecord> records = new ArrayList<>();
    for (Map.Entry<String, Truncation> e : plan.layers().entrySet()) {
      Kernel k = LayerKernels.kernel(net, e.getKey());
      TruncationResult r = e.getValue().apply(k);
      LayerKernels.write(net, e.getKey(), r.truncated());
      List<StepRecord> steps = new ArrayList<>();
      for (int i = 0; i < r.steps().size(); i++) {
        TruncatedKernel t = r.steps().get(i);
        steps.add(new StepRecord(t.cut().toString(), e.getValue().steps().get(i).level().toString(), t.rank(), t.fullRank(), t.normLoss()));
      }
      Map<String, Integer> profile = new LinkedHashMap<>();
      r.rankProfile().ranks().forEach((c, n) -> profile.put(c.toString(), n));
      records.add(new LayerRecord(e.getKey(), Csv.shape(k.shape()), steps, r.normLoss(), r.relError(), r.discarded(), profile));
    }
    return new AppliedTruncation(plan.spec(), source, sourceSha256, records, plan.skipped(), null);
  }

  public AppliedTruncation withEvaluation(Evaluation e) {
    return new AppliedTruncation(spec, source, sourceWeightsSha256, layers, skipped, e);
  }

  /** The same cuts with the ranks they kept, per layer: the set re-training projects onto. */
  public Map<String, Truncation> ranks() {
    Map<String, Truncation> map = new LinkedHashMap<>();
    for (LayerRecord l : layers) {
      List<Truncation.Step> steps = new ArrayList<>();
      for (StepRecord s : l.steps()) {
        steps.add(new Truncation.Step(Cut.parse(s.cut()), new Level.Rank(s.rank())));
      }
      map.put(l.layer(), Truncation.of(steps));
    }
    return map;
  }

  /** Re-truncates {@code net}'s layers to the recorded cuts and ranks, in place. */
  public static void project(Network net, Map<String, Truncation> ranks) {
    ranks.forEach((layer, t) -> LayerKernels.write(net, layer, t.apply(LayerKernels.kernel(net, layer)).truncated()));
  }

  /** Reads the record from a checkpoint directory, or null when the checkpoint has none (it was not truncated). */
  public static AppliedTruncation read(Path checkpoint) {
    Path f = checkpoint.resolve(FILE);
    return Files.isRegularFile(f) ? Json.readFile(f, AppliedTruncation.class) : null;
  }

  public String json() {
    return Json.write(this);
  }
}
