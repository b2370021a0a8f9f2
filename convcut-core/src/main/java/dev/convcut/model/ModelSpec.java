package dev.convcut.model;

import java.util.List;

/**
 * Which architecture, for which inputs and how many classes: everything needed to build a
 * network's topology.
 *
 * @param model one of {@link #MODELS}
 * @param stem {@code cifar} (3×3 stride-1 first convolution, no max-pool) or {@code imagenet}
 *     (7×7 stride 2 and a 3×3 stride-2 max-pool); only torchvision's ResNets have the choice
 */
public record ModelSpec(String model, int channels, int size, int classes, String stem) {
  /** The architectures convcut can build. */
  public static final List<String> MODELS = List.of("cnn4", "resnet20", "resnet18", "resnet34", "resnet50");

  public static final String CIFAR = "cifar";
  public static final String IMAGENET = "imagenet";

  public ModelSpec {
    if (!MODELS.contains(model)) {
      throw new IllegalArgumentException("unknown model '" + model + "'; known: " + String.join(", ", MODELS));
    }
    stem = stem == null ? CIFAR : stem;
    if (!stem.equals(CIFAR) && !stem.equals(IMAGENET)) {
      throw new IllegalArgumentException("stem must be 'cifar' or 'imagenet', got '" + stem + "'");
    }
    if (stem.equals(IMAGENET) && (model.equals("cnn4") || model.equals("resnet20"))) {
      throw new IllegalArgumentException(model + " has no ImageNet stem; --stem imagenet is for resnet18, resnet34 and resnet50");
    }
    if (channels < 1) {
      throw new IllegalArgumentException("channels must be >= 1, got " + channels);
    }
    if (classes < 2) {
      throw new IllegalArgumentException("classes must be >= 2, got " + classes);
    }
    int min = model.equals("cnn4") ? 4 : stem.equals(IMAGENET) ? 32 : 8;
    if (size < min) {
      throw new IllegalArgumentException(model + " needs images of at least " + min + "x" + min + " pixels, got " + size);
    }
  }

  public ModelSpec(String model, int channels, int size, int classes) {
    this(model, channels, size, classes, CIFAR);
  }
}
