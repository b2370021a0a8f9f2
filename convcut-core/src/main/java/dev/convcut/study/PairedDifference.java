package dev.convcut.study;

import java.util.BitSet;

/**
 * The top-1 difference between a variant and the dense network scored on the same images, with
 * its paired standard error. Per image the difference of the two correctness indicators is −1
 * (only the dense network right), +1 (only the variant) or 0; the standard error of their mean
 * is {@code sqrt((b + c − n·d²) / (n − 1) / n)}, where {@code b} and {@code c} count the two kinds
 * of disagreement and {@code d = (c − b) / n}. It is much smaller than the error of two
 * independent top-1 estimates because the images both get right (or wrong) add no noise.
 *
 * @param denseOnly images only the dense network gets right
 * @param variantOnly images only the variant gets right
 */
public record PairedDifference(int images, int denseOnly, int variantOnly) {

  public PairedDifference {
    if (images < 2 || denseOnly < 0 || variantOnly < 0 || denseOnly + variantOnly > images) {
      throw new IllegalArgumentException("a paired difference needs ≥ 2 images and at most that many disagreements, got " + images
          + " images, " + denseOnly + " and " + variantOnly);
    }
  }

  /** Compares per-image top-1 hits (bit {@code i}: image {@code i} right) over {@code images} images. */
  public static PairedDifference of(BitSet dense, BitSet variant, int images) {
    BitSet d = (BitSet) dense.clone();
    d.andNot(variant);
    BitSet v = (BitSet) variant.clone();
    v.andNot(dense);
    return new PairedDifference(images, d.cardinality(), v.cardinality());
  }

  /** Variant minus dense top-1, in percentage points. */
  public double deltaPoints() {
    return 100.0 * (variantOnly - denseOnly) / images;
  }

  /** The share of images on which exactly one of the two is right. */
  public double disagreement() {
    return (double) (denseOnly + variantOnly) / images;
  }

  /** The standard error of {@link #deltaPoints}, in percentage points. */
  public double standardErrorPoints() {
    double mean = (double) (variantOnly - denseOnly) / images;
    double variance = (denseOnly + variantOnly - images * mean * mean) / (images - 1);
    return 100 * Math.sqrt(Math.max(0, variance) / images);
  }
}
