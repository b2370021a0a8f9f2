package dev.convcut.study.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.convcut.ConvcutException;
import dev.convcut.InvalidRequestException;
import dev.convcut.InvalidSettingException;
import dev.convcut.Setting;
import dev.convcut.io.Json;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.Stem;
import dev.convcut.study.Grid;
import dev.convcut.study.Recipe;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A whole study as one JSON file: the model and dataset, how to train it, the evaluation set,
 * the layer-wise sweep's and the global truncation's grids, the re-training recipe, and the
 * tolerance. The demo is the built-in {@code fashion-mnist-cnn4} configuration; the paper's are
 * shipped beside it (see docs/study.md).
 *
 * <p>Read one with {@link #resolve} or build one with {@link #builder()} (defaults live in the
 * builder). The value stays a record because its components, in this order, are the file's fields:
 * Jackson reads it through the canonical constructor, which validates, and writes it back the
 * same way into {@code run.json}.
 *
 * @param evalSamples test images every step scores on, drawn once from {@code seed} (0: the whole test split)
 * @param sweep layers (names or globs; empty: every conv layer), cuts and levels (empty: the defaults)
 * @param global the same for the global truncation
 * @param retrain the recipe for re-training the most aggressive global truncation that lost accuracy
 * @param projected also re-train with projection onto the truncation's ranks
 * @param expectedMinutes the documented run time estimate, shown before the run starts
 * @param onnx a trained network in an ONNX file to study instead of training a zoo {@code model}
 *     (then {@code model} is {@value ModelSpec#ONNX} or left out, and {@code train} may be left
 *     out); a relative path is relative to the configuration file's folder
 */
public record StudyConfig(String name, String description, String model, Stem stem, String dataset, Recipe train,
    int evalSamples, long seed, int batchSize, GridConfig sweep, GridConfig global, Recipe retrain, boolean projected,
    double tolerance, String expectedMinutes, @JsonInclude(JsonInclude.Include.NON_NULL) String onnx) {

  /** Layers and a grid, as text the sweep options take. */
  public record GridConfig(List<String> layers, String cuts, String levels) {
    public GridConfig {
      layers = layers == null ? List.of() : List.copyOf(layers);
    }

    public Grid grid() {
      return Grid.parse(cuts, levels);
    }
  }

  /** A builder: {@code setName}, {@code setDataset}, the network ({@code setModel} or {@code setOnnx}) and the sections are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration's values, to change some of them. */
  public Builder toBuilder() {
    return new Builder().setName(name).optDescription(description).setModel(model).optStem(stem).setDataset(dataset)
        .setTrain(train).optEvalSamples(evalSamples).optSeed(seed).optBatchSize(batchSize).setSweep(sweep).setGlobal(global)
        .setRetrain(retrain).optProjected(projected).optTolerance(tolerance).optExpectedMinutes(expectedMinutes).setOnnx(onnx);
  }

  /** The built-in configurations, by name. */
  public static final List<String> BUILT_IN = List.of("fashion-mnist-cnn4", "fashion-mnist-cnn4-quick", "cifar10-cnn4", "cifar100-cnn4",
      "cifar10-resnet50", "cifar100-resnet50", "fashion-mnist-resnet20");

  public StudyConfig {
    if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("name must be letters, digits, '.', '_' or '-', got '" + name + "'");
    }
    if (onnx != null) {
      if (model != null && !model.equals(ModelSpec.ONNX) || stem != null) {
        throw new IllegalArgumentException("onnx names the network to study; leave out model (or give \"" + ModelSpec.ONNX
            + "\") and stem, got model '" + model + "', stem '" + stem + "'");
      }
      if (!onnx.toLowerCase(java.util.Locale.ROOT).endsWith(".onnx")) {
        throw new IllegalArgumentException("onnx must name an .onnx file, got '" + onnx + "'");
      }
      model = ModelSpec.ONNX;
    } else {
      new ModelSpec(model, 1, 32, 10, stem);
    }
    if (onnx == null && train == null || retrain == null || sweep == null || global == null) {
      throw new IllegalArgumentException("a study configuration needs " + (onnx == null ? "train, " : "") + "sweep, global and"
          + " retrain sections");
    }
    if (evalSamples < 0 || batchSize < 1 || !(tolerance >= 0)) {
      throw new IllegalArgumentException("evalSamples must be ≥ 0, batchSize ≥ 1 and tolerance ≥ 0; got " + evalSamples + ", "
          + batchSize + ", " + tolerance);
    }
    sweep.grid();
    global.grid();
  }

  /** Reads a configuration file; unknown fields are errors, so a typo never silently falls back to a default. */
  public static StudyConfig read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidSettingException(Setting.CONFIG, file, " " + file + ": no such file; built-in configurations: "
          + String.join(", ", BUILT_IN));
    }
    try (InputStream in = Files.newInputStream(file)) {
      StudyConfig c = parse(in, file.toString());
      return c.onnx() == null ? c : c.withOnnx(file.toAbsolutePath().getParent().resolve(c.onnx()).normalize().toString());
    } catch (IOException e) {
      throw new ConvcutException(file + ": unreadable: " + e.getMessage(), e);
    }
  }

  /** The same configuration studying the network in the ONNX file {@code path}. */
  public StudyConfig withOnnx(String path) {
    return toBuilder().optStem(null).setOnnx(path).build();
  }

  /** A built-in configuration ({@link #BUILT_IN}). */
  public static StudyConfig builtIn(String name) {
    InputStream in = StudyConfig.class.getResourceAsStream("/studies/" + name + ".json");
    if (in == null) {
      throw new InvalidRequestException("no built-in study '" + name + "'; built-in: " + String.join(", ", BUILT_IN));
    }
    try (in) {
      return parse(in, "built-in study " + name);
    } catch (IOException e) {
      throw new ConvcutException("built-in study " + name + ": unreadable: " + e.getMessage(), e);
    }
  }

  /** A file path, or the name of a built-in configuration. */
  public static StudyConfig resolve(String fileOrName) {
    return BUILT_IN.contains(fileOrName) && !Files.exists(Path.of(fileOrName)) ? builtIn(fileOrName) : read(Path.of(fileOrName));
  }

  private static StudyConfig parse(InputStream in, String where) throws IOException {
    try {
      return Json.mapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(in, StudyConfig.class);
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      throw new InvalidRequestException(where + ": " + e.getOriginalMessage() + " at " + e.getPathReference());
    }
  }

  /**
   * Builds a {@link StudyConfig}; the record's constructor validates in {@link #build()}, with the
   * same messages a configuration file gets.
   */
  public static final class Builder {
    private String name;
    private String description = "";
    private String model;
    private Stem stem;
    private String dataset;
    private Recipe train;
    private int evalSamples;
    private long seed;
    private int batchSize = 256;
    private GridConfig sweep;
    private GridConfig global;
    private Recipe retrain;
    private boolean projected;
    private double tolerance = 0.5;
    private String expectedMinutes = "";
    private String onnx;

    private Builder() {}

    /** The study's name: letters, digits, '.', '_' or '-' (required). */
    public Builder setName(String name) {
      this.name = name;
      return this;
    }

    /** The zoo architecture to train and study (this or {@link #setOnnx} is required). */
    public Builder setModel(String model) {
      this.model = model;
      return this;
    }

    /** A trained network in an ONNX file to study instead of a zoo model (this or {@link #setModel} is required). */
    public Builder setOnnx(String onnx) {
      this.onnx = onnx;
      return this;
    }

    /** The dataset (required). */
    public Builder setDataset(String dataset) {
      this.dataset = dataset;
      return this;
    }

    /** How to train the model (required for a zoo model). */
    public Builder setTrain(Recipe train) {
      this.train = train;
      return this;
    }

    /** The layer-wise sweep's layers and grid (required). */
    public Builder setSweep(GridConfig sweep) {
      this.sweep = sweep;
      return this;
    }

    /** The global truncation's layers and grid (required). */
    public Builder setGlobal(GridConfig global) {
      this.global = global;
      return this;
    }

    /** How to re-train the most aggressive global truncation that lost accuracy (required). */
    public Builder setRetrain(Recipe retrain) {
      this.retrain = retrain;
      return this;
    }

    /** A description (default empty). */
    public Builder optDescription(String description) {
      this.description = description;
      return this;
    }

    /** The ResNet stem (default none given: the model's own, {@code cifar}). */
    public Builder optStem(Stem stem) {
      this.stem = stem;
      return this;
    }

    /** Test images every step scores on, drawn once from the seed (default 0: the whole test split). */
    public Builder optEvalSamples(int evalSamples) {
      this.evalSamples = evalSamples;
      return this;
    }

    /** The seed of the evaluation subset (default 0). */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Images per evaluation batch (default 256). */
    public Builder optBatchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /** Also re-train with projection onto the truncation's ranks (default no). */
    public Builder optProjected(boolean projected) {
      this.projected = projected;
      return this;
    }

    /** Recovered means top-1 within this many points of the dense model (default 0.5). */
    public Builder optTolerance(double tolerance) {
      this.tolerance = tolerance;
      return this;
    }

    /** The documented run-time estimate shown before the run (default empty). */
    public Builder optExpectedMinutes(String expectedMinutes) {
      this.expectedMinutes = expectedMinutes;
      return this;
    }

    /** The configuration; throws {@link IllegalArgumentException} naming what is missing or out of range. */
    public StudyConfig build() {
      return new StudyConfig(name, description, model, stem, dataset, train, evalSamples, seed, batchSize, sweep, global, retrain,
          projected, tolerance, expectedMinutes, onnx);
    }
  }
}
