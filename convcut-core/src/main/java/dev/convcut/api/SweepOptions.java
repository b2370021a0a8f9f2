package dev.convcut.api;

import dev.convcut.io.Progress;
import dev.convcut.study.Grid;
import dev.convcut.tensor.Cut;
import dev.convcut.tensor.Level;
import java.util.List;

/**
 * What a layer-wise sweep covers: which layers (names or globs; default every dense convolution
 * and linear layer), cuts (default all seven) and levels (default the study's ten), scored on
 * {@link EvalData} (with prefix reuse) or by the caller's {@link ModelEvaluator}. Built as DJL's
 * configurations are: {@code set} for what is required, {@code opt} for the rest.
 */
public final class SweepOptions {
  private final List<String> layers;
  private final Grid grid;
  private final EvalData data;
  private final ModelEvaluator evaluator;
  private final Progress.Listener listener;

  private SweepOptions(Builder b) {
    this.layers = b.layers;
    this.grid = new Grid(b.cuts, b.levels);
    this.data = b.data;
    this.evaluator = b.evaluator;
    this.listener = b.listener;
  }

  public static Builder builder() {
    return new Builder();
  }

  List<String> layers() {
    return layers;
  }

  Grid grid() {
    return grid;
  }

  EvalData data() {
    return data;
  }

  ModelEvaluator evaluator() {
    return evaluator;
  }

  Progress.Listener listener() {
    return listener;
  }

  /**
   * The builder: one of {@link #setData} (each variant's top-1 on the images, reusing the activations
   * before the layer) and {@link #setEvaluator} (a full pass of the caller's making per variant) is
   * required; the listener hears {@code baseline}, then each layer.
   */
  public static final class Builder extends ScoringBuilder<Builder> {
    private List<String> layers = List.of();
    private List<Cut> cuts = Grid.parse(null, null).cuts();
    private List<Level> levels = Grid.defaultLevels();

    private Builder() {}

    /** Layer names or globs ({@code layer3.*}); default every dense convolution and linear layer. */
    public Builder optLayers(String... layers) {
      this.layers = List.of(layers);
      return this;
    }

    /** The cuts (default all seven of a convolution and the one of a linear layer). */
    public Builder optCuts(Cut... cuts) {
      this.cuts = List.of(cuts);
      return this;
    }

    /** The levels (default {@link Grid#defaultLevels()}). */
    public Builder optLevels(Level... levels) {
      this.levels = List.of(levels);
      return this;
    }

    public SweepOptions build() {
      requireOneScoring("a sweep");
      return new SweepOptions(this);
    }
  }
}
