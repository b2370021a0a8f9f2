package dev.convcut.data;

import java.util.Arrays;

/**
 * Per-channel normalization of pixels already scaled to [0, 1]: {@code x' = (x - mean[c]) / std[c]},
 * as torchvision's {@code ToTensor} followed by {@code Normalize(mean, std)}.
 */
public record Normalization(double[] mean, double[] std) {

  public Normalization {
    if (mean.length == 0 || mean.length != std.length) {
      throw new IllegalArgumentException("normalization needs one mean and one std per channel, got "
          + mean.length + " means and " + std.length + " stds");
    }
    for (int c = 0; c < std.length; c++) {
      if (!(std[c] > 0) || !Double.isFinite(std[c]) || !Double.isFinite(mean[c])) {
        throw new IllegalArgumentException("normalization of channel " + c + " needs a finite mean and a positive std, got mean "
            + mean[c] + " std " + std[c]);
      }
    }
    mean = mean.clone();
    std = std.clone();
  }

  /** The identity on [0, 1] pixels (mean 0, std 1) for {@code channels} channels. */
  public static Normalization none(int channels) {
    double[] zeros = new double[channels];
    double[] ones = new double[channels];
    Arrays.fill(ones, 1.0);
    return new Normalization(zeros, ones);
  }

  public int channels() {
    return mean.length;
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] std() {
    return std.clone();
  }

  /**
   * The normalized value of each of the 256 pixel values in {@code channel}, computed in float
   * arithmetic in the order PyTorch uses ({@code v/255}, then {@code (x - mean) / std}), so batches
   * match torchvision's to the last bit.
   */
  public float[] table(int channel) {
    float m = (float) mean[channel];
    float s = (float) std[channel];
    float[] table = new float[256];
    for (int v = 0; v < 256; v++) {
      table[v] = (v / 255f - m) / s;
    }
    return table;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Normalization n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
  }

  @Override
  public String toString() {
    return "Normalization[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
  }
}
