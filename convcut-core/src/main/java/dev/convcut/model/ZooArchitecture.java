package dev.convcut.model;

import java.util.List;

/**
 * One architecture convcut builds by name ({@code cnn4}, {@code resnet20}, ...): which inputs it
 * takes and its stages, built from a {@link LayerFactory} so every layer is named, initialized and
 * given its form (dense or factorized) in one place. The zoo's architectures and any other are
 * found through {@link Architectures} (built in, {@link java.util.ServiceLoader}, or {@link
 * Architectures#register}); a new one is one class implementing this interface, tested by
 * extending the test class {@code ZooArchitectureContract}.
 */
public interface ZooArchitecture {
  /** The model name in {@code architecture.json} and on the command line. */
  String name();

  /** One line for listings. */
  String description();

  /** The stems it offers: {@link Stem#CIFAR} only, or also {@link Stem#IMAGENET}. */
  default List<Stem> stems() {
    return List.of(Stem.CIFAR);
  }

  /** The smallest input side (pixels) it takes with {@code stem}. */
  int minSize(Stem stem);

  /** Whether its layers start as torchvision initializes them (else as the reference CIFAR code does). */
  default boolean torchvisionInit() {
    return false;
  }

  /**
   * Its stages for {@code spec}, in forward order; the network is cut into stages where one tensor
   * is live, so the sweep can reuse the activations before a layer's stage.
   */
  List<Stage> stages(ModelSpec spec, LayerFactory layers);
}
