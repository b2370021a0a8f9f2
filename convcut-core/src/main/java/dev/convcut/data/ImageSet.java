package dev.convcut.data;

import java.util.List;

/**
 * One split of an image-classification dataset, held in memory as 8-bit pixels: image {@code n}
 * occupies {@code pixels[n*C*H*W .. (n+1)*C*H*W)} in channel, row, column order (the layout of
 * CIFAR's files and of PyTorch tensors), and its class is {@code labels[n]}.
 *
 * @param dataset the dataset's name, e.g. {@code cifar10}
 * @param split {@code train} or {@code test}
 * @param classes class names, indexed by label
 */
public record ImageSet(String dataset, String split, int channels, int height, int width, List<String> classes,
    byte[] pixels, int[] labels) {

  public ImageSet {
    if (channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException("image shape must be positive, got " + channels + "x" + height + "x" + width);
    }
    classes = List.copyOf(classes);
    long expected = (long) labels.length * channels * height * width;
    if (pixels.length != expected) {
      throw new IllegalArgumentException(dataset + "/" + split + ": " + pixels.length + " pixel bytes for " + labels.length
          + " images of " + channels + "x" + height + "x" + width + " (expected " + expected + ")");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes.size()) {
        throw new IllegalArgumentException(dataset + "/" + split + ": label " + labels[i] + " of image " + i
            + " is outside 0.." + (classes.size() - 1));
      }
    }
  }

  /** Number of images. */
  public int size() {
    return labels.length;
  }

  /** Bytes per image, {@code C*H*W}. */
  public int imageBytes() {
    return channels * height * width;
  }
}
