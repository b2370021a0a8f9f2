package dev.convcut.model;

import dev.convcut.InvalidRequestException;

/**
 * A convolution or linear layer, addressable by its PyTorch name ({@code features.6},
 * {@code layer3.1.conv2}). The study reads and overwrites its weight in place.
 */
public interface WeightLayer extends Module {
  String name();

  /** {@code conv} or {@code linear}. */
  LayerKind kind();

  /** Shape, geometry, sizes, parameters and multiply-adds, for listings. */
  LayerInfo info(String stage);

  /**
   * The dense weight parameter, in PyTorch's layout.
   *
   * @throws dev.convcut.InvalidRequestException when the layer is factorized and has no single weight
   */
  Param weight();
}
