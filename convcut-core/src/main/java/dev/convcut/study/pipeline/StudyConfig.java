package dev.convcut.study.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.convcut.ConvcutException;
import dev.convcut.InvalidRequestException;
import dev.convcut.InvalidSettingException;
import dev.convcut.Setting;
import dev.convcut.io.Json;
import dev.convcut.model.ModelSpec;
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
public record StudyConfig(String name, String description, String model, String stem, String dataset, Recipe train,
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
    return new StudyConfig(name, description, model, null, dataset, train, evalSamples, seed, batchSize, sweep, global, retrain,
        projected, tolerance, expectedMinutes, path);
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
}
