package dev.convcut.data.folder;

/**
 * How an image folder becomes tensors: the evaluation transform (torchvision's
 * {@code Resize(resize)} then {@code CenterCrop(crop)}), the channels (3 = RGB as PIL's
 * {@code convert("RGB")}, 1 = PIL's {@code convert("L")}), how a folder without {@code train/} and
 * {@code val/} (or {@code test/}) is split, and what to do with unreadable images.
 *
 * @param resize the shorter side after resizing, 0 for no resize, -1 for the default: {@code crop*256/224}
 *     (ImageNet's 256 for 224) when a network is trained from the folder, no resize when a
 *     checkpoint that records none is evaluated on it
 * @param crop the side of the square centre crop, which is the network's input size
 * @param channels 1 or 3
 * @param valFraction the share of each class held out for evaluation when the folder has no split folders
 * @param splitSeed the seed of that hold-out draw
 * @param skipBad leave out unreadable images (reported) instead of failing
 * @param cache keep the preprocessed evaluation images on disk for later runs
 * @param threads decoding threads (0: one per core)
 */
public record FolderOptions(int resize, int crop, int channels, double valFraction, long splitSeed, boolean skipBad,
    boolean cache, int threads) {
  /** ImageNet's evaluation recipe: {@code Resize(256)}, {@code CenterCrop(224)}, RGB, a 0.2 hold-out with seed 0. */
  public static final FolderOptions DEFAULTS = new FolderOptions(-1, 224, 3, 0.2, 0, false, true, 0);

  public FolderOptions {
    if (resize < -1) {
      throw new IllegalArgumentException("the resize size must be 0 (no resize) or a positive number of pixels, got " + resize);
    }
    if (crop < 1) {
      throw new IllegalArgumentException("the crop size must be a positive number of pixels, got " + crop);
    }
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("images are read with 1 (grayscale) or 3 (RGB) channels, got " + channels);
    }
    if (!(valFraction > 0 && valFraction < 1)) {
      throw new IllegalArgumentException("the held-out fraction must be between 0 and 1 (exclusive), got " + valFraction);
    }
    if (threads < 0) {
      throw new IllegalArgumentException("decoding threads must be 0 (one per core) or more, got " + threads);
    }
  }

  /** The same options with another transform and channel count (those a checkpoint records). */
  public FolderOptions withTransform(int newResize, int newCrop, int newChannels) {
    return new FolderOptions(newResize, newCrop, newChannels, valFraction, splitSeed, skipBad, cache, threads);
  }

  /** The shorter side to resize to for training a new network: the one given, else {@code round(crop*256/224)}. */
  public int trainingResize() {
    return resize >= 0 ? resize : (int) Math.round(crop * 256.0 / 224.0);
  }

  /** The number of decoding threads to use. */
  public int decodingThreads() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  /** For tables and records, e.g. {@code Resize(256) CenterCrop(224) RGB}. */
  public String describeTransform() {
    return (resize > 0 ? "Resize(" + resize + ") " : resize < 0 ? "Resize(default) " : "") + "CenterCrop(" + crop + ") " + (channels == 3 ? "RGB" : "L");
  }
}
