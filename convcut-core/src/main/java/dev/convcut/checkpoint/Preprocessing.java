package dev.convcut.checkpoint;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.convcut.data.Normalization;
import java.util.Arrays;
import java.util.List;

/**
 * How raw pixels become a network's input: {@code x = (pixel/255 - mean[c]) / std[c]} per
 * channel, after, for images of any size (an image folder), torchvision's {@code Resize(resize)}
 * (bilinear with antialiasing, PIL's) and {@code CenterCrop} to the network's input size. Stored
 * with every checkpoint so evaluation later, and the weights elsewhere, use the same.
 *
 * @param resize the shorter side images are resized to before the centre crop (0: no resize);
 *     null for datasets whose images already have the network's size
 */
public record Preprocessing(List<Double> mean, List<Double> std, @JsonInclude(JsonInclude.Include.NON_NULL) Integer resize) {
  public Preprocessing {
    if (resize != null && resize < 0) {
      throw new IllegalArgumentException("preprocessing resize must be 0 (none) or a positive size, got " + resize);
    }
    mean = List.copyOf(mean);
    std = List.copyOf(std);
    if (mean.isEmpty() || mean.size() != std.size()) {
      throw new IllegalArgumentException("preprocessing needs one mean and one std per channel, got "
          + mean.size() + " means and " + std.size() + " stds");
    }
    for (double s : std) {
      if (!(s > 0) || Double.isInfinite(s)) {
        throw new IllegalArgumentException("preprocessing std must be positive and finite, got " + std);
      }
    }
    for (double m : mean) {
      if (!Double.isFinite(m)) {
        throw new IllegalArgumentException("preprocessing mean must be finite, got " + mean);
      }
    }
  }

  /** Normalization only, for images that already have the network's size. */
  public Preprocessing(List<Double> mean, List<Double> std) {
    this(mean, std, null);
  }

  /** The same constants with images first resized to {@code shorterSide} (0: none) and centre-cropped. */
  public Preprocessing withResize(Integer shorterSide) {
    return new Preprocessing(mean, std, shorterSide);
  }

  /** The same constants as the data package's {@link Normalization}. */
  public static Preprocessing of(Normalization n) {
    return new Preprocessing(Arrays.stream(n.mean()).boxed().toList(), Arrays.stream(n.std()).boxed().toList());
  }

  /** These constants as the data package's batch assembly takes them. */
  @JsonIgnore
  public Normalization normalization() {
    return new Normalization(mean.stream().mapToDouble(Double::doubleValue).toArray(),
        std.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** Mean 0.5, std 0.5 for every channel: maps pixels to [-1, 1]. */
  public static Preprocessing centered(int channels) {
    return new Preprocessing(java.util.Collections.nCopies(channels, 0.5), java.util.Collections.nCopies(channels, 0.5));
  }
}
