package dev.convcut.data;

import dev.convcut.InvalidSettingException;
import dev.convcut.Setting;
import java.util.List;

/**
 * What a training run needs to know about a dataset before reading it: the image shape, the
 * classes, the standard normalization and the standard training augmentation.
 *
 * @param name the name used on the command line, e.g. {@code cifar10}
 * @param title the usual written name, e.g. {@code CIFAR-10}
 * @param classes the (fine) class names in label order
 * @param coarseClasses the coarse super-classes where the dataset has them (CIFAR-100), else empty
 * @param normalization the standard per-channel mean and std of the training pixels in [0, 1]
 * @param normalizationSource where those constants come from
 * @param trainAugmentation the standard augmentation for training (none for the MNIST family)
 * @param trainSize images in the official training split
 * @param testSize images in the official test split
 */
public record DatasetSpec(String name, String title, int channels, int height, int width, List<String> classes,
    List<String> coarseClasses, Normalization normalization, String normalizationSource, Augmentation trainAugmentation,
    int trainSize, int testSize) {

  public DatasetSpec {
    if (channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException(name + ": image shape must be positive, got " + channels + "x" + height + "x" + width);
    }
    if (normalization.channels() != channels) {
      throw new IllegalArgumentException(name + ": normalization has " + normalization.channels() + " channels, images have " + channels);
    }
    if (classes.size() < 2) {
      throw new IllegalArgumentException(name + ": needs at least 2 classes, got " + classes);
    }
    classes = List.copyOf(classes);
    coarseClasses = List.copyOf(coarseClasses);
  }

  /** The class names for {@code kind}; coarse labels exist only where the dataset has them. */
  public List<String> classes(LabelKind kind) {
    if (kind == LabelKind.COARSE) {
      if (coarseClasses.isEmpty()) {
        throw new InvalidSettingException(Setting.LABELS, kind, " coarse: " + name + " has only fine labels (coarse labels: cifar100)");
      }
      return coarseClasses;
    }
    return classes;
  }

  /** Bytes per image, {@code C*H*W}. */
  public int imageBytes() {
    return channels * height * width;
  }
}
