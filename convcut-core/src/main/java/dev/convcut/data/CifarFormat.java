package dev.convcut.data;

import dev.convcut.ConvcutException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The official binary versions of CIFAR-10 and CIFAR-100: batch files of fixed-size records, read
 * from the extracted folder or straight from the {@code .tar.gz} as published. Class names come
 * from the meta files beside the batches when present, otherwise from the built-in official lists.
 */
final class CifarFormat implements DatasetFormat {
  private final String archiveName;
  private final String memberFolder;
  private final String md5;
  private final List<String> trainFiles;
  private final List<String> testFiles;
  private final CifarRecords trainRecords;
  private final CifarRecords testRecords;
  private final String fineNamesFile;
  private final String coarseNamesFile;

  private CifarFormat(String archiveName, String memberFolder, String md5, List<String> trainFiles, List<String> testFiles,
      CifarRecords trainRecords, CifarRecords testRecords, String fineNamesFile, String coarseNamesFile) {
    this.archiveName = archiveName;
    this.memberFolder = memberFolder;
    this.md5 = md5;
    this.trainFiles = trainFiles;
    this.testFiles = testFiles;
    this.trainRecords = trainRecords;
    this.testRecords = testRecords;
    this.fineNamesFile = fineNamesFile;
    this.coarseNamesFile = coarseNamesFile;
  }

  /** CIFAR-10: {@code data_batch_1..5.bin} and {@code test_batch.bin}, 10,000 records of 1+3072 bytes each. */
  static CifarFormat cifar10() {
    CifarRecords records = new CifarRecords(1, List.of(10), 10_000);
    return new CifarFormat("cifar-10-binary.tar.gz", "cifar-10-batches-bin", "c32a1d4ab5d03f1284b67883e8d87530",
        List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"),
        List.of("test_batch.bin"), records, records, "batches.meta.txt", null);
  }

  /** CIFAR-100: {@code train.bin} (50,000 records) and {@code test.bin} (10,000), of 2+3072 bytes: coarse, fine, pixels. */
  static CifarFormat cifar100() {
    return new CifarFormat("cifar-100-binary.tar.gz", "cifar-100-binary", "03b5dce01913d631647c71ecec9e9cb8",
        List.of("train.bin"), List.of("test.bin"), new CifarRecords(2, List.of(20, 100), 50_000),
        new CifarRecords(2, List.of(20, 100), 10_000), "fine_label_names.txt", "coarse_label_names.txt");
  }

  @Override
  public List<String> fileNames() {
    List<String> names = new ArrayList<>(trainFiles);
    names.addAll(testFiles);
    names.add(fineNamesFile);
    if (coarseNamesFile != null) {
      names.add(coarseNamesFile);
    }
    return names;
  }

  @Override
  public boolean recognizes(Path folder) {
    return Stream.concat(trainFiles.stream(), testFiles.stream()).anyMatch(f -> Files.isRegularFile(folder.resolve(f)))
        || Files.isDirectory(folder.resolve(memberFolder)) || Files.isRegularFile(folder.resolve(archiveName));
  }

  @Override
  public ImageSet read(DatasetSpec spec, Path source, Split split, LabelKind labels) {
    Path resolved = resolve(source);
    List<String> batches = split == Split.TRAIN ? trainFiles : testFiles;
    String namesFile = labels == LabelKind.COARSE ? coarseNamesFile : fineNamesFile;
    List<String> wanted = new ArrayList<>(batches);
    wanted.add(namesFile);
    Map<String, Part> parts = Files.isRegularFile(resolved)
        ? fromArchive(resolved, wanted, batches, spec, split)
        : fromFolder(resolved, wanted, batches, spec, split);
    CifarRecords records = split == Split.TRAIN ? trainRecords : testRecords;
    int total = 0;
    for (String b : batches) {
      total += records.count(parts.get(b).label(), parts.get(b).length());
    }
    byte[] pixels = new byte[total * CifarRecords.PIXELS];
    int[] labelValues = new int[total];
    int labelIndex = labels == LabelKind.COARSE ? 0 : records.labelBytes() - 1;
    int next = 0;
    for (String b : batches) {
      Part part = parts.get(b);
      try (InputStream in = part.open().get()) {
        next += records.copy(part.label(), in, part.length(), labelIndex, pixels, labelValues, next);
      } catch (IOException e) {
        throw new ConvcutException("could not read " + part.label() + ": " + e, e);
      }
    }
    List<String> classes = spec.classes(labels);
    Part names = parts.get(namesFile);
    if (names != null) {
      classes = classNames(names, classes.size());
    }
    return new ImageSet(spec.name(), split.id(), 3, 32, 32, classes, pixels, labelValues);
  }

  @Override
  public List<Path> files(Path source) {
    Path resolved = resolve(source);
    if (Files.isRegularFile(resolved)) {
      return List.of(resolved);
    }
    return fileNames().stream().map(resolved::resolve).filter(Files::isRegularFile).toList();
  }

  @Override
  public String officialBaseUrl() {
    return "https://www.cs.toronto.edu/~kriz/";
  }

  @Override
  public List<RemoteFile> downloads() {
    return List.of(new RemoteFile(archiveName, md5));
  }

  @Override
  public void unpack(Path folder) {
    Path archive = folder.resolve(archiveName);
    TarMembers contents = TarMembers.read(archive, fileNames());
    try {
      for (Map.Entry<String, TarMembers.Member> e : contents.members().entrySet()) {
        Files.write(folder.resolve(e.getKey()), e.getValue().bytes());
      }
      Files.delete(archive);
    } catch (IOException e) {
      throw new ConvcutException("could not unpack " + archive + " into " + folder + ": " + e, e);
    }
  }

  /** The folder or archive that {@code source} stands for: itself, its member folder, or its archive. */
  private Path resolve(Path source) {
    if (!Files.isDirectory(source)) {
      return source;
    }
    boolean hasBatches = Stream.concat(trainFiles.stream(), testFiles.stream()).anyMatch(f -> Files.isRegularFile(source.resolve(f)));
    if (!hasBatches && Files.isDirectory(source.resolve(memberFolder))) {
      return source.resolve(memberFolder);
    }
    if (!hasBatches && Files.isRegularFile(source.resolve(archiveName))) {
      return source.resolve(archiveName);
    }
    return source;
  }

  private Map<String, Part> fromArchive(Path archive, List<String> wanted, List<String> batches, DatasetSpec spec, Split split) {
    TarMembers contents = TarMembers.read(archive, wanted);
    for (String b : batches) {
      if (!contents.members().containsKey(b)) {
        throw new ConvcutException(archive + ": member " + b + " is missing, so the " + split.id() + " split of " + spec.name()
            + " is incomplete (the archive holds " + String.join(", ", contents.allNames()) + ")");
      }
    }
    Map<String, Part> parts = new LinkedHashMap<>();
    contents.members().forEach((name, m) -> parts.put(name,
        new Part(m.label(), m.bytes().length, () -> new ByteArrayInputStream(m.bytes()))));
    return parts;
  }

  private Map<String, Part> fromFolder(Path folder, List<String> wanted, List<String> batches, DatasetSpec spec, Split split) {
    DataFolders.requireNonEmptyFolder(folder, spec, String.join(", ", fileNames()) + " (or just " + archiveName + ")");
    Map<String, Part> found = new LinkedHashMap<>();
    for (String name : wanted) {
      Path file = folder.resolve(name);
      if (Files.isRegularFile(file)) {
        found.put(name, new Part(file.toString(), size(file), () -> Files.newInputStream(file)));
      } else if (batches.contains(name)) {
        throw new ConvcutException(folder + ": " + name + " is missing, so the " + split.id() + " split of " + spec.name()
            + " is incomplete (a complete folder holds " + String.join(", ", fileNames()) + ")");
      }
    }
    return found;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw CompressedFiles.unreadable(file, e);
    }
  }

  private static List<String> classNames(Part file, int expected) {
    String text;
    try (InputStream in = file.open().get()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConvcutException("could not read " + file.label() + ": " + e, e);
    }
    List<String> names = text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (names.size() != expected) {
      throw new ConvcutException(file.label() + ": " + names.size() + " class names, expected " + expected
          + " (one per line)");
    }
    return names;
  }

  /** One file of the dataset, in a folder or inside an archive: its name for messages, its length, and how to read it. */
  private record Part(String label, long length, Opener open) {}

  @FunctionalInterface
  private interface Opener {
    InputStream get() throws IOException;
  }
}
