package dev.convcut.checkpoint;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.convcut.Setting;
import dev.convcut.Words;
import dev.convcut.data.DataOptions;
import dev.convcut.model.LayerForm;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.Stem;
import dev.convcut.model.graph.GraphSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A checkpoint's {@code architecture.json}: which network (model, input channels and size,
 * classes, stem), the form of each factorized layer, the input preprocessing, and the dataset
 * with its class names. Enough to rebuild the network and feed it correctly.
 *
 * @param format always {@link #FORMAT}
 * @param layers factorized layers by name; a layer not named here is dense
 * @param graph the operators of a network imported from ONNX ({@code model} {@value ModelSpec#ONNX}), else null
 * @param preprocessing how pixels become the input; null only for an ONNX file opened directly
 *     that does not record it, until {@link #forDataset} names the dataset it is for
 */
public record Architecture(String format, String model, int channels, int size, int classes, Stem stem,
    Map<String, LayerForm> layers, Preprocessing preprocessing, String dataset, List<String> classNames,
    @JsonInclude(JsonInclude.Include.NON_NULL) GraphSpec graph) {
  public static final String FORMAT = "convcut-checkpoint/1";

  public Architecture {
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException("format must be '" + FORMAT + "', got '" + format + "'");
    }
    new ModelSpec(model, channels, size, classes, stem, graph);
    layers = layers == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(layers));
    if (preprocessing == null && graph == null) {
      throw new IllegalArgumentException("preprocessing (mean and std per channel) is required");
    }
    if (preprocessing != null && preprocessing.mean().size() != channels) {
      throw new IllegalArgumentException("preprocessing has " + preprocessing.mean().size() + " channels, the model " + channels);
    }
    classNames = classNames == null ? List.of() : List.copyOf(classNames);
    if (!classNames.isEmpty() && classNames.size() != classes) {
      throw new IllegalArgumentException(classNames.size() + " class names for " + classes + " classes");
    }
  }

  public static Architecture of(ModelSpec spec, Map<String, LayerForm> layers, Preprocessing preprocessing,
      String dataset, List<String> classNames) {
    return new Architecture(FORMAT, spec.model(), spec.channels(), spec.size(), spec.classes(), spec.stem(),
        new LinkedHashMap<>(layers), preprocessing, dataset, classNames, spec.graph());
  }

  /**
   * {@code given} with the preprocessing this checkpoint records for an image folder (its input
   * channels and size, its resize); other datasets read them unchanged.
   */
  public DataOptions dataOptions(DataOptions given) {
    return given.forInput(channels, size, preprocessing == null ? null : preprocessing.resize());
  }

  /**
   * The preprocessing; refused with what to do when it is unknown (an ONNX file opened directly
   * that does not record it).
   */
  @Override
  public Preprocessing preprocessing() {
    if (preprocessing == null) {
      throw new dev.convcut.ConvcutException(Words.of("the network's input preprocessing (mean and std per channel) is unknown:"
          + " its ONNX file does not record it; name the dataset it was trained on (", Setting.DATASET, "), or import the file"
          + " once with ", Setting.ONNX_IMPORT, " and use that checkpoint"));
    }
    return preprocessing;
  }

  /** Whether the preprocessing is known (false only for an ONNX file opened directly that does not record it). */
  public boolean preprocessingKnown() {
    return preprocessing != null;
  }

  /**
   * This architecture, or, when its preprocessing is unknown, the same network with {@code
   * dataset}'s standard normalization, class names, and for an image folder its resize, as
   * an ONNX import with a dataset records them.
   */
  public Architecture forDataset(String dataset, DataOptions given) {
    if (preprocessing != null || dataset == null) {
      return this;
    }
    // As import reads an image folder: at the network's size and channels, resized as given, else crop*256/224.
    DataOptions options = given.withFolder(given.folder().withTransform(given.folder().resize(), size, channels)).forTraining();
    dev.convcut.data.DatasetSpec ds = dev.convcut.data.Datasets.spec(dataset, options);
    if (ds.channels() != channels) {
      throw new dev.convcut.ConvcutException("the network takes " + channels + " channels, but " + dataset + " has " + ds.channels());
    }
    Preprocessing pre = Preprocessing.of(ds.normalization());
    if (dev.convcut.data.Datasets.isFolder(dataset)) {
      pre = pre.withResize(options.folder().resize());
    }
    List<String> names = classNames.isEmpty() && ds.classes().size() == classes ? ds.classes() : classNames;
    return new Architecture(format, model, channels, size, classes, stem, layers, pre, this.dataset != null ? this.dataset : dataset,
        names, graph);
  }

  /**
   * Refuses an image folder whose classes are not this checkpoint's in the same order: its labels
   * come from the folder names in sorted order, so another order would score every image against
   * the wrong class. Checkpoints that record no class names accept any.
   */
  public void checkFolderClasses(List<String> folderClasses, String folder) {
    if (!classNames.isEmpty() && !classNames.equals(folderClasses)) {
      throw new dev.convcut.ConvcutException(folder + " has the classes " + folderClasses + " (sorted folder names), but the"
          + " checkpoint's network predicts " + classNames + " in that order; name the class folders so that they sort in the"
          + " checkpoint's order");
    }
  }

  @JsonIgnore
  public ModelSpec spec() {
    return new ModelSpec(model, channels, size, classes, stem, graph);
  }
}
