package dev.convcut.bench.spectrum;

import java.util.ArrayList;
import java.util.List;

/** Kernel shapes of well-known networks, for benchmarks on random kernels. */
public final class ResNetShapes {
  private ResNetShapes() {}

  /**
   * The 53 convolution kernels of ResNet-50 with the CIFAR stem (a 3×3 first convolution), in
   * forward order: the same list as the peer's {@code resnet50_shapes()} in numpy_cuts.py.
   */
  public static List<int[]> resnet50Cifar() {
    List<int[]> shapes = new ArrayList<>();
    shapes.add(new int[] {64, 3, 3, 3});
    int in = 64;
    int[][] stages = {{64, 3}, {128, 4}, {256, 6}, {512, 3}};
    for (int[] stage : stages) {
      int width = stage[0];
      for (int block = 0; block < stage[1]; block++) {
        shapes.add(new int[] {width, in, 1, 1});
        shapes.add(new int[] {width, width, 3, 3});
        shapes.add(new int[] {4 * width, width, 1, 1});
        if (block == 0) {
          shapes.add(new int[] {4 * width, in, 1, 1});
        }
        in = 4 * width;
      }
    }
    return shapes;
  }
}
