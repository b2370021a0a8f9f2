package dev.convcut.cli;

import dev.convcut.data.folder.FolderOptions;
import picocli.CommandLine.Option;

/** How {@code --dataset imagefolder} reads its folder: the preprocessing, the hold-out split, bad images, the cache. */
public final class ImageFolderOptions {
  @Option(names = "--resize", paramLabel = "S",
      description = "Image folders: resize the shorter side to S pixels before the centre crop (bilinear with antialiasing, as"
          + " torchvision with PIL); 0 = no resize. Default: crop*256/224 when training; a checkpoint's own when it records one.")
  Integer resize;

  @Option(names = "--crop", paramLabel = "C",
      description = "Image folders: the centre crop's side, i.e. the network's input size, for a new network (default: 224;"
          + " a checkpoint's input size otherwise).")
  Integer crop;

  @Option(names = "--grayscale",
      description = "Image folders: read images as one grayscale channel (PIL's convert(\"L\")) for a new network, not RGB.")
  boolean grayscale;

  @Option(names = "--val-fraction", paramLabel = "F",
      description = "Image folders without train/ and val/: hold out this share of every class for evaluation (default: 0.2).")
  Double valFraction;

  @Option(names = "--split-seed", paramLabel = "S",
      description = "Image folders without train/ and val/: the seed of the hold-out draw (default: 0; apart from --seed, so"
          + " a new training seed keeps the same evaluation images).")
  Long splitSeed;

  @Option(names = "--skip-bad", description = "Image folders: leave out unreadable images (reported) instead of failing.")
  boolean skipBad;

  @Option(names = "--no-cache", description = "Image folders: decode the evaluation images again instead of reading or writing"
      + " the cache in ~/.convcut/cache/imagefolder.")
  boolean noCache;

  @Option(names = "--decode-threads", paramLabel = "N", description = "Image folders: decoding threads (default: one per core).")
  Integer decodeThreads;

  /** These options over the defaults. */
  public FolderOptions toFolderOptions() {
    FolderOptions d = FolderOptions.DEFAULTS;
    return new FolderOptions(resize != null ? resize : d.resize(), crop != null ? crop : d.crop(),
        grayscale ? 1 : d.channels(), valFraction != null ? valFraction : d.valFraction(),
        splitSeed != null ? splitSeed : d.splitSeed(), skipBad, !noCache, decodeThreads != null ? decodeThreads : d.threads());
  }
}
