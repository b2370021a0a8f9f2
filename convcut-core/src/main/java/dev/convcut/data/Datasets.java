package dev.convcut.data;

import dev.convcut.ConvcutException;
import dev.convcut.data.folder.ImageFolderDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entry point to convcut's datasets: their specs ({@link #spec}), and loading a split
 * ({@link #load}) from wherever it is found, in this order: the data folder given,
 * {@code $CONVCUT_DATA/<name>}, {@code ~/.convcut/datasets/<name>}, system locations
 * ({@code /usr/share/datasets/<name>}), then a download of the official files.
 */
public final class Datasets {
  private static final Map<String, KnownDataset> KNOWN = new LinkedHashMap<>();

  static {
    register(new DatasetSpec("cifar10", "CIFAR-10", 3, 32, 32, ClassNames.CIFAR10, List.of(),
        new Normalization(new double[] {0.4914, 0.4822, 0.4465}, new double[] {0.2470, 0.2435, 0.2616}),
        "per-channel mean and std of the 50,000 training images' pixels (the std of all pixels, not the often-copied"
            + " 0.2023/0.1994/0.2010)", Augmentation.CROP_AND_FLIP, 50_000, 10_000),
        CifarFormat.cifar10(), null);
    register(new DatasetSpec("cifar100", "CIFAR-100", 3, 32, 32, ClassNames.CIFAR100_FINE, ClassNames.CIFAR100_COARSE,
        new Normalization(new double[] {0.5071, 0.4865, 0.4409}, new double[] {0.2673, 0.2564, 0.2762}),
        "per-channel mean and std of the 50,000 training images' pixels", Augmentation.CROP_AND_FLIP, 50_000, 10_000),
        CifarFormat.cifar100(), null);
    register(new DatasetSpec("fashion-mnist", "Fashion-MNIST", 1, 28, 28, ClassNames.FASHION_MNIST, List.of(),
        new Normalization(new double[] {0.2860}, new double[] {0.3530}),
        "mean and std of the 60,000 training images' pixels, as 'convcut data info' recomputes them",
        Augmentation.NONE, 60_000, 10_000),
        new IdxFormat("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
            "8d4fb7e6c68d591d4c3dfef9ec88bf0d", "25c81989df183df01b3e8a0aad5dffbe",
            "bef4ecab320f06d8554ea6380940ec79", "bb300cfdad3c16e7a12a480ee83cd310"),
        "dataset-fashion-mnist");
    register(new DatasetSpec("mnist", "MNIST", 1, 28, 28, ClassNames.MNIST, List.of(),
        new Normalization(new double[] {0.1307}, new double[] {0.3081}),
        "mean and std of the 60,000 training images' pixels, as in PyTorch's MNIST example", Augmentation.NONE, 60_000, 10_000),
        new IdxFormat("https://ossci-datasets.s3.amazonaws.com/mnist/",
            "f68b3c2dcbeaaa9fbdd348bbdeb94873", "d53e105ee54ea40749a09fcbcd1e9432",
            "9fb629c4189551a2d022fa330f9573f3", "ec29112dd5afa0611ce80d1b7f02629c"),
        null);
  }

  private Datasets() {}

  /**
   * Adds a dataset of fixed files: its spec (shape, classes, normalization, standard augmentation,
   * split sizes) and its format; every command then finds, reads, checks and (where the format
   * names downloads) fetches it by name like convcut's own. Refuses a name already taken.
   *
   * @param aptPackage the Debian package that installs it under {@code /usr/share/datasets}, or null
   */
  public static synchronized void register(DatasetSpec spec, DatasetFormat format, String aptPackage) {
    if (isFolder(spec.name()) || KNOWN.containsKey(spec.name())) {
      throw new IllegalArgumentException("dataset name '" + spec.name() + "' is taken; known: " + String.join(", ", KNOWN.keySet())
          + ", " + ImageFolderDataset.NAME);
    }
    KNOWN.put(spec.name(), new KnownDataset(spec, format, aptPackage));
  }

  /** The names of every dataset with fixed files, e.g. {@code cifar10} (not {@code imagefolder}). */
  public static synchronized List<String> names() {
    return List.copyOf(KNOWN.keySet());
  }

  /** Whether {@code name} is the image-folder dataset, whose shape and classes come from its folder. */
  public static boolean isFolder(String name) {
    return ImageFolderDataset.NAME.equals(name);
  }

  /** The spec of dataset {@code name}; an unknown name fails listing the valid ones. */
  public static DatasetSpec spec(String name) {
    if (isFolder(name)) {
      throw new IllegalArgumentException("an image folder's shape and classes come from its folder: read its spec with the"
          + " data options that name it");
    }
    return known(name).spec();
  }

  /** The spec of dataset {@code name}; for an image folder, of the folder {@code options} name, as they preprocess it. */
  public static DatasetSpec spec(String name, DataOptions options) {
    return isFolder(name) ? folder(options).spec() : spec(name);
  }

  /** The standard training augmentation of {@code name} (an image folder's needs no folder to say it). */
  public static Augmentation standardAugmentation(String name) {
    return isFolder(name) ? Augmentation.RESIZED_CROP_AND_FLIP : spec(name).trainAugmentation();
  }

  /** The image folder {@code options} name, listed (once per process) with their preprocessing. */
  public static ImageFolderDataset folder(DataOptions options) {
    Path dir = options.dataDir();
    if (dir == null) {
      throw new ConvcutException("the imagefolder dataset reads the folder it is given: name a folder of class folders"
          + " (or one with train/ and val/ inside)");
    }
    if (!Files.exists(dir)) {
      throw new ConvcutException(dir + ": no such folder");
    }
    return ImageFolderDataset.open(dir, options.folder(), options.locations().cacheRoot().resolveSibling("cache").resolve(ImageFolderDataset.NAME));
  }

  /** Loads one split of dataset {@code name}, searching, and downloading if allowed, as the class describes. */
  public static ImageSet load(String name, Split split, DataOptions options) {
    if (isFolder(name)) {
      return folder(options).load(split);
    }
    KnownDataset dataset = known(name);
    dataset.spec().classes(options.labels());
    DataSource source = locate(name, options);
    return dataset.format().read(dataset.spec(), source.path(), split, options.labels());
  }

  /** Where dataset {@code name} is, downloading it first if it is nowhere and {@code options} allow. */
  public static DataSource locate(String name, DataOptions options) {
    if (isFolder(name)) {
      return new DataSource(name, folder(options).root(), DataSource.Origin.DATA_DIR);
    }
    KnownDataset dataset = known(name);
    Optional<DataSource> found = DatasetLocator.find(dataset, options);
    if (found.isPresent()) {
      return found.get();
    }
    if (!options.allowDownload()) {
      throw DatasetLocator.notFound(dataset, options.locations(), null);
    }
    try {
      return new DataSource(name, DatasetDownloader.fetch(dataset, options.locations(), false), DataSource.Origin.DOWNLOAD);
    } catch (DatasetDownloader.Unreachable e) {
      throw DatasetLocator.notFound(dataset, options.locations(), e.getMessage());
    }
  }

  /** Where dataset {@code name} is, without downloading; empty when it is nowhere. */
  public static Optional<DataSource> find(String name, DataOptions options) {
    if (isFolder(name)) {
      return options.dataDir() == null ? Optional.empty() : Optional.of(locate(name, options));
    }
    return DatasetLocator.find(known(name), options);
  }

  /**
   * Downloads the official files of {@code name} into {@link DataLocations#downloadFolder},
   * replacing an existing copy only if {@code replace}. Returns the folder. When the network
   * cannot deliver, the message lists the other ways to provide the data.
   */
  public static Path fetch(String name, DataLocations locations, boolean replace) {
    KnownDataset dataset = known(name);
    try {
      return DatasetDownloader.fetch(dataset, locations, replace);
    } catch (DatasetDownloader.Unreachable e) {
      throw DatasetLocator.notFound(dataset, locations, e.getMessage());
    }
  }

  /**
   * What identifies the data {@code options} name, for run records and caches: each file's name
   * and SHA-256, or for an image folder {@code listing} and the digest of its listing
   * ({@link ImageFolderDataset#digest()}).
   */
  public static Map<String, String> digests(String name, DataOptions options) {
    Map<String, String> digests = new LinkedHashMap<>();
    if (isFolder(name)) {
      digests.put("listing", folder(options).digest());
      return digests;
    }
    for (Path f : files(locate(name, options))) {
      digests.put(f.getFileName().toString(), dev.convcut.io.Hashing.sha256(f));
    }
    return digests;
  }

  /** The files making up the dataset at {@code source}, for sizes and digests. */
  public static List<Path> files(DataSource source) {
    if (isFolder(source.dataset())) {
      // An image folder may hold a million files: its run records name the folder, not each file's digest.
      return List.of();
    }
    return known(source.dataset()).format().files(source.path());
  }

  /** The address the files of {@code name} are downloaded from under {@code locations}. */
  public static String downloadUrl(String name, DataLocations locations) {
    return DatasetDownloader.baseUrl(known(name), locations);
  }

  private static synchronized KnownDataset known(String name) {
    KnownDataset dataset = KNOWN.get(name);
    if (dataset == null) {
      throw new IllegalArgumentException("unknown dataset '" + name + "'; known datasets: " + String.join(", ", KNOWN.keySet())
          + ", and " + ImageFolderDataset.NAME + " (a folder of class folders of images)");
    }
    return dataset;
  }
}
