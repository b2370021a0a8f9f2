package dev.convcut.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.convcut.model.graph.GraphSpec;

/**
 * Which architecture, for which inputs and how many classes: everything needed to build a
 * network's topology.
 *
 * @param model a registered architecture's name ({@link Architectures}) or {@value #ONNX}
 * @param stem the {@link Stem} (JSON: {@code cifar} or {@code imagenet}); only torchvision's ResNets
 *     have the choice; null for an imported graph
 * @param size the input's height and width; for an imported graph its height ({@link #width()}
 *     may differ)
 * @param graph the network's graph when {@code model} is {@value #ONNX} (imported), else null
 */
public record ModelSpec(String model, int channels, int size, int classes, Stem stem,
    @JsonInclude(JsonInclude.Include.NON_NULL) GraphSpec graph) {
  /** The model name of a network imported from an ONNX file, whose topology is its {@link #graph()}. */
  public static final String ONNX = "onnx";

  public ModelSpec {
    if (ONNX.equals(model) || graph != null) {
      if (!ONNX.equals(model) || graph == null) {
        throw new IllegalArgumentException("an imported graph goes with model '" + ONNX + "', got model '" + model + "'"
            + (graph == null ? " without a graph" : ""));
      }
      if (stem != null) {
        throw new IllegalArgumentException("an imported graph has no stem choice, got '" + stem + "'");
      }
      if (channels != graph.channels() || size != graph.height() || classes != graph.classes()) {
        throw new IllegalArgumentException("the graph takes " + graph.channels() + "x" + graph.height() + "x" + graph.width()
            + " and gives " + graph.classes() + " classes, not " + channels + "x" + size + "x... and " + classes);
      }
    } else {
      stem = stem == null ? Stem.CIFAR : stem;
      checkZoo(model, channels, size, classes, stem);
    }
  }

  private static void checkZoo(String model, int channels, int size, int classes, Stem stem) {
    ZooArchitecture arch = ModelZoo.architecture(model);
    if (!arch.stems().contains(stem)) {
      throw new IllegalArgumentException(model + " has no " + (stem == Stem.IMAGENET ? "ImageNet" : stem) + " stem; the "
          + "ImageNet stem is for " + String.join(", ", Architectures.names().stream()
          .filter(n -> Architectures.find(n).stems().contains(Stem.IMAGENET)).toList()));
    }
    if (channels < 1) {
      throw new IllegalArgumentException("channels must be >= 1, got " + channels);
    }
    if (classes < 2) {
      throw new IllegalArgumentException("classes must be >= 2, got " + classes);
    }
    int min = arch.minSize(stem);
    if (size < min) {
      throw new IllegalArgumentException(model + " needs images of at least " + min + "x" + min + " pixels, got " + size);
    }
  }

  public ModelSpec(String model, int channels, int size, int classes, Stem stem) {
    this(model, channels, size, classes, stem, null);
  }

  public ModelSpec(String model, int channels, int size, int classes) {
    this(model, channels, size, classes, Stem.CIFAR);
  }

  /** The spec of an imported graph: its input and classes are the graph's. */
  public static ModelSpec of(GraphSpec graph) {
    return new ModelSpec(ONNX, graph.channels(), graph.height(), graph.classes(), null, graph);
  }

  /** The input's height. */
  public int height() {
    return size;
  }

  /** The input's width: {@link #size()}, except for an imported graph of a non-square input. */
  public int width() {
    return graph != null ? graph.width() : size;
  }

  /** {@code C×H×W}, as messages show an input. */
  public String inputShape() {
    return channels + "x" + height() + "x" + width();
  }

  /** Whether this network is an imported graph rather than a zoo architecture. */
  public boolean imported() {
    return graph != null;
  }
}
