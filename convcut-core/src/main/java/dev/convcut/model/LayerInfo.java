package dev.convcut.model;

import java.util.List;

/**
 * What {@code convcut layers} lists for one convolution or linear layer. Sizes are
 * {@code [height, width]}; a linear layer's are {@code [1, 1]}; stride, padding and dilation are
 * {@code [rows, columns]}; MACs are per image.
 */
public record LayerInfo(String name, LayerKind kind, String stage, List<Long> weightShape, List<Integer> stride,
    List<Integer> padding, List<Integer> dilation, int groups, boolean bias, List<Integer> inputSize,
    List<Integer> outputSize, long params, long macs, LayerForm.Kind form) {

  public LayerInfo {
    weightShape = List.copyOf(weightShape);
    stride = List.copyOf(stride);
    padding = List.copyOf(padding);
    dilation = List.copyOf(dilation);
    inputSize = List.copyOf(inputSize);
    outputSize = List.copyOf(outputSize);
  }
}
