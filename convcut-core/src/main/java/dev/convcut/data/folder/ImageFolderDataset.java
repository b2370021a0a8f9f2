package dev.convcut.data.folder;

import dev.convcut.data.Augmentation;
import dev.convcut.data.DatasetSpec;
import dev.convcut.data.DatasetStats;
import dev.convcut.data.ImageSet;
import dev.convcut.data.Normalization;
import dev.convcut.data.Split;
import dev.convcut.io.Progress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of class folders as a dataset: its classes and splits ({@link FolderSplits}), each
 * split decoded and preprocessed into memory ({@link #load}, cached on disk), and the training
 * split streamed with random resized crops ({@link #trainBatches}). Its {@link DatasetSpec} has
 * the crop as image size, ImageNet's normalization for RGB and the measured one for grayscale.
 */
public final class ImageFolderDataset {
  /** The dataset's name on the command line. */
  public static final String NAME = "imagefolder";

  /** ImageNet's per-channel mean and std, torchvision's constants for its pretrained models. */
  public static final Normalization IMAGENET = new Normalization(new double[] {0.485, 0.456, 0.406}, new double[] {0.229, 0.224, 0.225});

  /** Images the grayscale normalization is measured on, at most. */
  static final int MEASURED_IMAGES = 5000;

  private static final Logger LOG = LoggerFactory.getLogger(ImageFolderDataset.class);
  private static final Map<String, ImageFolderDataset> OPEN = new ConcurrentHashMap<>();

  private final Path root;
  private final FolderOptions options;
  private final FolderSplits splits;
  private final Path cacheDir;
  private final Map<Split, DecodedSplit> loaded = new ConcurrentHashMap<>();
  private volatile Normalization measured;

  private ImageFolderDataset(Path root, FolderOptions options, Path cacheDir) {
    this.root = root;
    // "The default resize" resolves here, so every split is decoded with a definite transform.
    this.options = options.resize() >= 0 ? options
        : options.withTransform(options.trainingResize(), options.crop(), options.channels());
    this.cacheDir = cacheDir;
    this.splits = FolderSplits.of(root, options);
  }

  /**
   * The dataset at {@code root} under {@code options}; {@code cacheDir} holds the preprocessed
   * splits. A process lists a folder once and reuses the listing while the modification times of
   * the folder, its split folders and their class folders stay the same (a file added, removed
   * or renamed changes its folder's time); a file rewritten in place is seen by the next process
   * (the disk cache is keyed by every file's size and time).
   */
  public static ImageFolderDataset open(Path root, FolderOptions options, Path cacheDir) {
    Path abs = root.toAbsolutePath().normalize();
    String key = abs + "\n" + options + "\n" + cacheDir + "\n" + folderTimes(abs);
    OPEN.keySet().removeIf(k -> k.startsWith(abs + "\n") && !k.equals(key));
    return OPEN.computeIfAbsent(key, k -> new ImageFolderDataset(abs, options, cacheDir));
  }

  /** The modification times (ns) of {@code root}, its sub-folders, and the sub-folders of its split folders. */
  private static String folderTimes(Path root) {
    StringBuilder times = new StringBuilder();
    List<Path> folders = new java.util.ArrayList<>(List.of(root));
    for (Path d : subFolders(root)) {
      folders.add(d);
      String name = d.getFileName().toString();
      if (name.equals("train") || name.equals("val") || name.equals("test")) {
        folders.addAll(subFolders(d));
      }
    }
    for (Path d : folders) {
      try {
        times.append(d).append('=').append(java.nio.file.Files.getLastModifiedTime(d).to(java.util.concurrent.TimeUnit.NANOSECONDS))
            .append(';');
      } catch (java.io.IOException e) {
        times.append(d).append("=?;");
      }
    }
    return times.toString();
  }

  private static List<Path> subFolders(Path dir) {
    try (java.util.stream.Stream<Path> entries = java.nio.file.Files.list(dir)) {
      return entries.filter(java.nio.file.Files::isDirectory).sorted().toList();
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return List.of();
    }
  }

  /** A new, unshared instance: lists the folder again and keeps nothing decoded (benchmarks, tests). */
  public static ImageFolderDataset fresh(Path root, FolderOptions options, Path cacheDir) {
    return new ImageFolderDataset(root.toAbsolutePath().normalize(), options, cacheDir);
  }

  public Path root() {
    return root;
  }

  public FolderOptions options() {
    return options;
  }

  /** How the splits were found, e.g. {@code train/ and val/}. */
  public String layout() {
    return splits.layout();
  }

  public List<String> classes() {
    return splits.train().classes();
  }

  /** The images of {@code split} in torchvision's order. */
  public FolderListing listing(Split split) {
    return split == Split.TRAIN ? splits.train() : splits.test();
  }

  /**
   * The SHA-256 of both splits' listings: every image's path, size, modification time and class.
   * Equal digests, the same images (as far as sizes and times tell): run records and the study's
   * model cache identify the data by it, since hashing every image's content would read them all.
   */
  public String digest() {
    return dev.convcut.io.Hashing.sha256((layout() + "\ntrain\n" + FolderCache.describe(splits.train()) + "test\n"
        + FolderCache.describe(splits.test())).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** What training and evaluation need to know: shape, classes, normalization, augmentation, counts. */
  public DatasetSpec spec() {
    Normalization n = options.channels() == 3 ? IMAGENET : measuredNormalization();
    String source = options.channels() == 3 ? "ImageNet's mean and std (torchvision's constants)"
        : "mean and std of up to " + MEASURED_IMAGES + " preprocessed training images, measured";
    return new DatasetSpec(NAME, "image folder " + root, options.channels(), options.crop(), options.crop(), classes(), List.of(),
        n, source, Augmentation.RESIZED_CROP_AND_FLIP, splits.train().samples().size(), splits.test().samples().size());
  }

  /** {@code split} decoded and preprocessed with the evaluation transform; from the cache when it is there. */
  public ImageSet load(Split split) {
    return decoded(split, null).images();
  }

  /**
   * The images at {@code indices} (ascending) of {@code split}, decoded and preprocessed alone (a
   * subset of a split too large to decode whole), from the cache when this subset is there.
   */
  public DecodedSplit decodedSubset(Split split, int[] indices) {
    List<Sample> all = listing(split).samples();
    List<Sample> chosen = java.util.Arrays.stream(indices).mapToObj(all::get).toList();
    return decode(new FolderListing(listing(split).root(), classes(), chosen), split, null);
  }

  /** {@code split} with the original image sizes and the images left out; drawing {@code progress} while it decodes. */
  public DecodedSplit decoded(Split split, Progress progress) {
    DecodedSplit d = loaded.get(split);
    if (d != null) {
      return d;
    }
    d = decode(listing(split), split, progress);
    loaded.put(split, d);
    return d;
  }

  private DecodedSplit decode(FolderListing listing, Split split, Progress progress) {
    DecodedSplit d;
    Path file = cacheDir == null || !options.cache() ? null : cacheDir.resolve(FolderCache.key(split.id(), listing, options) + ".bin");
    Optional<DecodedSplit> hit = file == null ? Optional.empty() : FolderCache.read(file, NAME, split.id(), classes());
    if (hit.isPresent()) {
      d = hit.get();
    } else {
      long start = System.nanoTime();
      d = FolderDecoder.decode(NAME, split.id(), listing, options, progress);
      LOG.info("decoded {} {} images of {} in {} s", listing.samples().size(), split.id(), root,
          String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
      if (file != null) {
        FolderCache.write(file, d);
      }
    }
    if (!d.skipped().isEmpty()) {
      LOG.warn("left out {} unreadable {} image(s) of {}: {}", d.skipped().size(), split.id(), root,
          String.join("; ", d.skipped().subList(0, Math.min(10, d.skipped().size()))));
    }
    return d;
  }

  /**
   * The training split streamed with random resized crops and flips, normalized with {@code n};
   * its first {@code limit} images only when limit is positive.
   */
  public FolderTrainBatches trainBatches(Normalization n, int limit) {
    List<Sample> all = splits.train().samples();
    return new FolderTrainBatches(limit > 0 && limit < all.size() ? all.subList(0, limit) : all, options, n);
  }

  /** Per-channel mean and std of up to {@link #MEASURED_IMAGES} preprocessed training images. */
  private Normalization measuredNormalization() {
    if (measured == null) {
      List<Sample> all = splits.train().samples();
      int n = Math.min(all.size(), MEASURED_IMAGES);
      // Evenly spaced through torchvision's class-by-class order, so every class counts.
      List<Sample> some = java.util.stream.IntStream.range(0, n).mapToObj(i -> all.get((int) ((long) i * all.size() / n))).toList();
      FolderListing sample = new FolderListing(root, classes(), some);
      DatasetStats stats = DatasetStats.of(FolderDecoder.decode(NAME, "train", sample, options, null).images());
      double[] mean = stats.mean().stream().mapToDouble(Double::doubleValue).toArray();
      double[] std = stats.std().stream().mapToDouble(v -> Math.max(v, 1e-3)).toArray();
      measured = new Normalization(mean, std);
    }
    return measured;
  }
}
