package dev.convcut.data;

import dev.convcut.ConvcutException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * MNIST-style datasets: four IDX files ({@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}), each gzipped or not, in one folder.
 */
final class IdxFormat implements DatasetFormat {
  private static final String[] STEMS = {
    "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"
  };

  private final String baseUrl;
  private final List<RemoteFile> downloads;

  /** {@code md5} holds the published checksums of the four gzipped files, in {@link #fileNames()} order. */
  IdxFormat(String baseUrl, String... md5) {
    this.baseUrl = baseUrl;
    List<RemoteFile> files = new ArrayList<>();
    for (int i = 0; i < STEMS.length; i++) {
      files.add(new RemoteFile(STEMS[i] + ".gz", md5[i]));
    }
    this.downloads = List.copyOf(files);
  }

  @Override
  public List<String> fileNames() {
    return downloads.stream().map(RemoteFile::name).toList();
  }

  @Override
  public boolean recognizes(Path folder) {
    for (String stem : STEMS) {
      if (find(folder, stem) != null) {
        return true;
      }
    }
    return false;
  }

  @Override
  public ImageSet read(DatasetSpec spec, Path source, Split split, LabelKind labels) {
    DataFolders.requireNonEmptyFolder(source, spec, String.join(", ", fileNames()));
    String prefix = split == Split.TRAIN ? "train" : "t10k";
    Path imageFile = require(source, prefix + "-images-idx3-ubyte", spec, split);
    Path labelFile = require(source, prefix + "-labels-idx1-ubyte", spec, split);
    IdxFile.Images images = read(imageFile, in -> IdxFile.images(imageFile.toString(), in));
    if (images.rows() != spec.height() || images.cols() != spec.width()) {
      throw new ConvcutException(imageFile + ": images are " + images.rows() + "x" + images.cols() + ", but " + spec.title()
          + " images are " + spec.height() + "x" + spec.width());
    }
    int[] labelValues = read(labelFile, in -> IdxFile.labels(labelFile.toString(), in, spec.classes().size()));
    if (labelValues.length != images.count()) {
      throw new ConvcutException(labelFile + " holds " + labelValues.length + " labels but " + imageFile + " holds "
          + images.count() + " images: the two files must have one label per image");
    }
    return new ImageSet(spec.name(), split.id(), 1, images.rows(), images.cols(), spec.classes(), images.pixels(), labelValues);
  }

  @Override
  public List<Path> files(Path source) {
    List<Path> found = new ArrayList<>();
    for (String stem : STEMS) {
      Path p = find(source, stem);
      if (p != null) {
        found.add(p);
      }
    }
    return found;
  }

  @Override
  public String officialBaseUrl() {
    return baseUrl;
  }

  @Override
  public List<RemoteFile> downloads() {
    return downloads;
  }

  @Override
  public void unpack(Path folder) {
    // The downloaded .gz files are read as they are.
  }

  /** Reads one IDX file with {@code parser}, streaming and unpacking as it goes. */
  private static <T> T read(Path file, IdxParser<T> parser) {
    try (InputStream in = CompressedFiles.open(file)) {
      return parser.parse(in);
    } catch (IOException e) {
      throw CompressedFiles.unreadable(file, e);
    }
  }

  @FunctionalInterface
  private interface IdxParser<T> {
    T parse(InputStream in) throws IOException;
  }

  private Path require(Path folder, String stem, DatasetSpec spec, Split split) {
    Path p = find(folder, stem);
    if (p == null) {
      throw new ConvcutException(folder + ": neither " + stem + ".gz nor " + stem + " is there, so the " + split.id()
          + " split of " + spec.name() + " is missing (a complete folder holds " + String.join(", ", fileNames()) + ")");
    }
    return p;
  }

  private static Path find(Path folder, String stem) {
    for (String name : new String[] {stem + ".gz", stem}) {
      Path p = folder.resolve(name);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }
}
