package dev.convcut.report;

import dev.convcut.report.data.CutOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a small but realistic study run directory in the layout of docs/formats.md: a 4-layer
 * CNN on 10,000 test images, power-law spectra along every cut, a layer-wise sweep
 * where accuracy holds until a per-layer norm loss {@code threshold} and then falls 2 points per
 * percent of norm lost (plus ±0.1 point of evaluation noise), a global truncation and two
 * re-training runs. Accuracies are whole image counts, as a real evaluation gives.
 */
public final class SyntheticRun {
  static final int IMAGES = 10_000;
  static final int BASELINE_CORRECT = 9_123;

  /** One conv layer: its name, depth, kernel shape and the norm loss it tolerates. */
  public record Layer(String name, int depth, int[] shape, double threshold) {}

  /** Deeper layers tolerate more: thresholds 1.5%, 6%, 12.5%, 20.5%. */
  public static final List<Layer> DEEPER_TOLERATE_MORE = List.of(
      new Layer("features.0", 0, new int[] {16, 1, 3, 3}, 0.015),
      new Layer("features.3", 1, new int[] {32, 16, 3, 3}, 0.06),
      new Layer("features.6", 2, new int[] {64, 32, 3, 3}, 0.125),
      new Layer("features.9", 3, new int[] {64, 64, 3, 3}, 0.205));

  /** The same layers with the thresholds reversed: the first layer tolerates the most. */
  public static final List<Layer> DEEPER_TOLERATE_LESS = List.of(
      new Layer("features.0", 0, new int[] {16, 1, 3, 3}, 0.205),
      new Layer("features.3", 1, new int[] {32, 16, 3, 3}, 0.125),
      new Layer("features.6", 2, new int[] {64, 32, 3, 3}, 0.06),
      new Layer("features.9", 3, new int[] {64, 64, 3, 3}, 0.015));

  private static final double[] KEEP = {1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1};

  private SyntheticRun() {}

  /** Writes every file of a run with {@code layers} into {@code dir}. */
  public static Path write(Path dir, List<Layer> layers) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("run.json"), RUN_JSON);
      write(dir.resolve("spectrum/spectrum.csv"), spectrumCsv(layers));
      write(dir.resolve("spectrum/singular_values.json"), singularValuesJson(layers));
      write(dir.resolve("sweep/sweep.csv"), sweepCsv(layers));
      write(dir.resolve("global/global.csv"), globalCsv(layers));
      write(dir.resolve("retrain/retrain.csv"), RETRAIN_CSV);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  static final String RUN_JSON = """
      {"command": "demo", "arguments": ["demo", "--out", "runs/demo"],
       "configuration": {"model": "cnn4", "data": {"dataset": "fashion-mnist"}},
       "seed": 42, "code": {"convcutVersion": "development", "gitCommit": "0123456789abcdef", "gitDirty": false},
       "started": "2025-01-01T10:00:00Z", "finished": "2025-01-01T10:20:00Z"}
      """;

  /** dense recovers at epoch 2, projected at epoch 3 (tolerance 0.5). An extra column at the end is ignored. */
  static final String RETRAIN_CSV = """
      run,epoch,train_loss,top1,top5,loss,baseline_top1,delta_top1,recovered,note
      dense,0,,0.8323,0.98,0.61,0.9123,-8.0,false,x
      dense,1,0.41,0.9003,0.99,0.31,0.9123,-1.2,false,x
      dense,2,0.33,0.9093,0.99,0.27,0.9123,-0.3,true,x
      dense,3,0.30,0.9113,0.99,0.26,0.9123,-0.1,true,x
      projected,0,,0.8323,0.98,0.61,0.9123,-8.0,false,x
      projected,1,0.45,0.8873,0.99,0.35,0.9123,-2.5,false,x
      projected,2,0.38,0.9023,0.99,0.30,0.9123,-1.0,false,x
      projected,3,0.35,0.9083,0.99,0.28,0.9123,-0.4,true,x
      """;

  /** The singular values of {@code layer} along {@code cut}: a power law s_j = 3 j^-p, steeper for later cuts and deeper layers. */
  public static double[] spectrum(Layer layer, String cut) {
    int r = fullRank(layer.shape(), cut);
    double p = 0.25 + 0.06 * CutOrder.CANONICAL.indexOf(cut) + 0.04 * layer.depth();
    double[] s = new double[r];
    for (int j = 0; j < r; j++) {
      s[j] = 3.0 * Math.pow(j + 1, -p);
    }
    return s;
  }

  static int fullRank(int[] shape, String cut) {
    String rowsGroup = cut.substring(0, cut.indexOf('|'));
    int rows = 1;
    int total = 1;
    for (int i = 0; i < 4; i++) {
      total *= shape[i];
      if (rowsGroup.indexOf("oihw".charAt(i)) >= 0) {
        rows *= shape[i];
      }
    }
    return Math.min(rows, total / rows);
  }

  /** The cuts a layer has: those whose full rank exceeds 1. */
  public static List<String> cuts(Layer layer) {
    return CutOrder.CANONICAL.stream().filter(c -> fullRank(layer.shape(), c) > 1).toList();
  }

  public static double normLoss(double[] s, int k) {
    double kept = 0;
    double all = 0;
    for (int j = 0; j < s.length; j++) {
      all += s[j] * s[j];
      kept += j < k ? s[j] * s[j] : 0;
    }
    return 1 - Math.sqrt(kept / all);
  }

  /** The levels of the default grid for full rank r, de-duplicated by rank: level name to rank. */
  public static Map<String, Integer> levels(int r) {
    Map<String, Integer> levels = new LinkedHashMap<>();
    for (double f : KEEP) {
      int k = Math.max(1, (int) Math.ceil(f * r - 1e-9));
      if (!levels.containsValue(k)) {
        levels.put(String.format(Locale.ROOT, "keep%.1f", f), k);
      }
    }
    if (!levels.containsValue(1)) {
      levels.put("rank1", 1);
    }
    return levels;
  }

  /** Correct images after truncating to norm loss eta: flat until the threshold, then 2 points per percent. */
  static int correct(double eta, double threshold, int noiseSeed) {
    double drop = eta <= threshold ? 0 : 200 * (eta - threshold);
    int noise = Math.floorMod(noiseSeed * 7919, 5) - 2;
    return Math.max(1_000, (int) Math.round(BASELINE_CORRECT - 100 * drop + 5 * noise));
  }

  static String sweepCsv(List<Layer> layers) {
    StringBuilder s = new StringBuilder("layer,depth,shape,cut,level,rank,full_rank,kept_fraction,norm_loss,rel_error,"
        + "discarded,top1,top5,loss,delta_top1,dense_params,factorized_params,eval_samples,seconds\n");
    s.append(",,,,baseline,,,,,,,").append(top1(BASELINE_CORRECT)).append(",0.99,0.25,0,,,").append(IMAGES).append(",1.5\n");
    int seed = 0;
    for (Layer layer : layers) {
      for (String cut : cuts(layer)) {
        double[] sv = spectrum(layer, cut);
        for (var level : levels(sv.length).entrySet()) {
          int k = level.getValue();
          double eta = normLoss(sv, k);
          int correct = correct(eta, layer.threshold(), seed++);
          double top1 = top1(correct);
          int[] sh = layer.shape();
          long dense = (long) sh[0] * sh[1] * sh[2] * sh[3];
          s.append(String.join(",", layer.name(), Integer.toString(layer.depth()), shape(sh), cut, level.getKey(),
              Integer.toString(k), Integer.toString(sv.length), Double.toString((double) k / sv.length),
              Double.toString(eta), Double.toString(Math.sqrt(1 - (1 - eta) * (1 - eta))),
              Double.toString(1 - (1 - eta) * (1 - eta)), Double.toString(top1), "0.99", "0.3",
              Double.toString(100 * (top1 - top1(BASELINE_CORRECT))), Long.toString(dense),
              Long.toString((long) k * (dense / sv.length + sv.length)), Integer.toString(IMAGES), "1.5")).append('\n');
        }
      }
    }
    return s.toString();
  }

  static String globalCsv(List<Layer> layers) {
    StringBuilder s = new StringBuilder("cut,level,layers,norm_loss_mean,norm_loss_max,top1,top5,loss,delta_top1,"
        + "dense_params,factorized_params,eval_samples\n");
    s.append(",baseline,,,,").append(top1(BASELINE_CORRECT)).append(",0.99,0.25,0,,,").append(IMAGES).append('\n');
    String cut = "o|ihw";
    for (double f : KEEP) {
      double sum = 0;
      double max = 0;
      int drop = 0;
      for (Layer layer : layers) {
        double[] sv = spectrum(layer, cut);
        double eta = normLoss(sv, Math.max(1, (int) Math.ceil(f * sv.length - 1e-9)));
        sum += eta;
        max = Math.max(max, eta);
        drop += BASELINE_CORRECT - correct(eta, layer.threshold(), 0);
      }
      double top1 = top1(Math.max(1_000, BASELINE_CORRECT - drop));
      s.append(String.join(",", cut, String.format(Locale.ROOT, "keep%.1f", f), Integer.toString(layers.size()),
          Double.toString(sum / layers.size()), Double.toString(max), Double.toString(top1), "0.98", "0.4",
          Double.toString(100 * (top1 - top1(BASELINE_CORRECT))), "60000", Long.toString(Math.round(60000 * f * 1.2)),
          Integer.toString(IMAGES))).append('\n');
    }
    return s.toString();
  }

  static String spectrumCsv(List<Layer> layers) {
    StringBuilder s = new StringBuilder("layer,depth,shape,cut,rows,cols,full_rank,entropy,renyi2,effective_rank,normalized_entropy\n");
    for (Layer layer : layers) {
      for (String cut : cuts(layer)) {
        double[] sv = spectrum(layer, cut);
        double sum = 0;
        for (double v : sv) {
          sum += v * v;
        }
        double entropy = 0;
        double purity = 0;
        for (double v : sv) {
          double p = v * v / sum;
          entropy -= p > 0 ? p * Math.log(p) : 0;
          purity += p * p;
        }
        s.append(String.join(",", layer.name(), Integer.toString(layer.depth()), shape(layer.shape()), cut, "0", "0",
            Integer.toString(sv.length), Double.toString(entropy), Double.toString(-Math.log(purity)),
            Double.toString(Math.exp(entropy)), Double.toString(entropy / Math.log(sv.length)))).append('\n');
      }
    }
    return s.toString();
  }

  static String singularValuesJson(List<Layer> layers) {
    List<String> entries = new ArrayList<>();
    for (Layer layer : layers) {
      List<String> cuts = new ArrayList<>();
      for (String cut : cuts(layer)) {
        List<String> values = new ArrayList<>();
        for (double v : spectrum(layer, cut)) {
          values.add(Double.toString(v));
        }
        cuts.add("\"" + cut + "\": [" + String.join(", ", values) + "]");
      }
      int[] sh = layer.shape();
      entries.add("{\"layer\": \"" + layer.name() + "\", \"shape\": [" + sh[0] + ", " + sh[1] + ", " + sh[2] + ", " + sh[3]
          + "], \"cuts\": {" + String.join(", ", cuts) + "}}");
    }
    return "{\"layers\": [\n" + String.join(",\n", entries) + "\n]}\n";
  }

  static double top1(int correct) {
    return (double) correct / IMAGES;
  }

  static String shape(int[] s) {
    return s[0] + "x" + s[1] + "x" + s[2] + "x" + s[3];
  }
}
