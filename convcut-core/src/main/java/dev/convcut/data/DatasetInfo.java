package dev.convcut.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.convcut.ConvcutException;
import dev.convcut.data.folder.DecodedSplit;
import dev.convcut.data.folder.FolderSummary;
import dev.convcut.data.folder.ImageFolderDataset;
import dev.convcut.io.Progress;
import dev.convcut.io.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code convcut data info} reports about a dataset: where it was found, its spec,
 * statistics of each split computed from the pixels, how long each split took to load, and the
 * size and SHA-256 of each file (for provenance).
 *
 * @param source where the data was found
 * @param labels which labels were read
 * @param splits one entry per split, train then test
 * @param files the dataset's files with sizes and digests (none for an image folder)
 * @param folder an image folder's layout, preprocessing and original image sizes; null for other datasets
 */
public record DatasetInfo(DatasetSpec spec, DataSource source, LabelKind labels, List<SplitInfo> splits, List<FileDigest> files,
    @JsonInclude(JsonInclude.Include.NON_NULL) FolderSummary folder) {

  public DatasetInfo {
    splits = List.copyOf(splits);
    files = List.copyOf(files);
  }

  /** One split's statistics and load time. */
  public record SplitInfo(DatasetStats stats, double loadSeconds) {}

  /** One file: its path, size in bytes and lower-case hex SHA-256. */
  public record FileDigest(Path path, long bytes, String sha256) {}

  /** Locates dataset {@code name} as {@code options} say, loads both splits and digests its files. */
  public static DatasetInfo gather(String name, DataOptions options) {
    if (Datasets.isFolder(name)) {
      return gatherFolder(options.forTraining());
    }
    DatasetSpec spec = Datasets.spec(name);
    spec.classes(options.labels());
    DataSource source = Datasets.locate(name, options);
    // Later loads must read the same place, not download again.
    DataOptions here = new DataOptions(source.path(), options.labels(), false, options.locations());
    List<SplitInfo> splits = new ArrayList<>();
    for (Split split : Split.values()) {
      long start = System.nanoTime();
      ImageSet set = Datasets.load(name, split, here);
      double seconds = (System.nanoTime() - start) / 1e9;
      splits.add(new SplitInfo(DatasetStats.of(set), seconds));
    }
    List<FileDigest> files = new ArrayList<>();
    for (Path file : Datasets.files(source)) {
      files.add(new FileDigest(file, size(file), Hashing.sha256(file)));
    }
    return new DatasetInfo(spec, source, options.labels(), splits, files, null);
  }

  /** An image folder: both splits decoded with the training preprocessing (from the cache where it is), and their sizes. */
  private static DatasetInfo gatherFolder(DataOptions options) {
    ImageFolderDataset folder = Datasets.folder(options);
    List<SplitInfo> splits = new ArrayList<>();
    List<FolderSummary.SplitSizes> sizes = new ArrayList<>();
    for (Split split : Split.values()) {
      long start = System.nanoTime();
      DecodedSplit d;
      try (Progress bar = new Progress("decode " + split.id(), folder.listing(split).samples().size(), "img")) {
        d = folder.decoded(split, bar);
      }
      splits.add(new SplitInfo(DatasetStats.of(d.images()), (System.nanoTime() - start) / 1e9));
      sizes.add(FolderSummary.SplitSizes.of(d));
    }
    DataSource source = Datasets.locate(ImageFolderDataset.NAME, options);
    return new DatasetInfo(folder.spec(), source, options.labels(), splits, List.of(),
        new FolderSummary(folder.layout(), folder.options().describeTransform(), sizes));
  }

  /** The total size of the files at {@code source}, in bytes. */
  public static long totalBytes(DataSource source) {
    return Datasets.files(source).stream().mapToLong(DatasetInfo::size).sum();
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new ConvcutException("could not read the size of " + file + ": " + e, e);
    }
  }
}
