package dev.convcut.cli;

import dev.convcut.model.ModelSpec;
import dev.convcut.model.Stem;
import picocli.CommandLine.Option;

/** The input shape, class count and stem of an architecture given without a dataset. */
public final class ArchitectureOptions {
  @Option(names = "--channels", paramLabel = "C", description = "Input channels (default: the dataset's, else 3).")
  Integer channels;

  @Option(names = "--size", paramLabel = "PIXELS", description = "Input height and width (default: the dataset's, else 32).")
  Integer size;

  @Option(names = "--classes", paramLabel = "K", description = "Number of classes (default: the dataset's, else 10).")
  Integer classes;

  @Option(names = "--stem", paramLabel = "cifar|imagenet",
      description = "ResNet-18/34/50 first layer: cifar (3x3 stride 1, no max-pool) or imagenet (7x7 stride 2 + max-pool). Default: ${DEFAULT-VALUE}.")
  String stem = Stem.CIFAR.spelling();

  /** The architecture {@code model} with these options, or the defaults 3×32×32 and 10 classes. */
  public ModelSpec spec(String model) {
    return spec(model, 3, 32, 10);
  }

  /** As {@link #spec(String)}, with another set of defaults (a dataset's). */
  public ModelSpec spec(String model, int defaultChannels, int defaultSize, int defaultClasses) {
    return new ModelSpec(model, channels == null ? defaultChannels : channels, size == null ? defaultSize : size,
        classes == null ? defaultClasses : classes, Stem.named(stem));
  }
}
