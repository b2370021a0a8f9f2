package dev.convcut.data.folder;

import dev.convcut.ConvcutException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One folder of class folders listed exactly as torchvision's {@code ImageFolder} lists it: the
 * classes are the sub-folders' names sorted by code point ({@code find_classes}), and the samples
 * are, class by class, every file beneath the class folder (symbolic links followed) whose name
 * ends, ignoring case, in one of {@link #EXTENSIONS}, visited as {@code make_dataset} does:
 * folders in sorted order of their paths, files sorted by name within each folder.
 *
 * @param root the folder listed
 * @param classes class names, indexed by label
 * @param samples every image with its label, in torchvision's order
 */
public record FolderListing(Path root, List<String> classes, List<Sample> samples) {
  /** torchvision's {@code IMG_EXTENSIONS}. */
  public static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".ppm", ".bmp", ".pgm", ".tif", ".tiff", ".webp");

  /** Python's string order: by Unicode code point (Java's {@code compareTo} orders UTF-16 units). */
  static final Comparator<String> CODE_POINTS = (a, b) -> {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  };

  public FolderListing {
    classes = List.copyOf(classes);
    samples = List.copyOf(samples);
  }

  /** Whether {@code name} has one of torchvision's image extensions. */
  public static boolean isImage(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(lower::endsWith);
  }

  /**
   * Lists {@code root}. Refused, naming the folder: a folder that does not exist, one without
   * class folders, and (unless {@code allowEmpty}) class folders that hold no image.
   */
  public static FolderListing of(Path root, boolean allowEmpty) {
    if (!Files.isDirectory(root)) {
      throw new ConvcutException(root + ": " + (Files.exists(root) ? "not a folder" : "no such folder")
          + "; an image folder holds one sub-folder of images per class");
    }
    List<String> classes = new ArrayList<>();
    try (Stream<Path> entries = Files.list(root)) {
      entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).forEach(classes::add);
    } catch (IOException e) {
      throw new ConvcutException("could not list " + root + ": " + e.getMessage(), e);
    }
    classes.sort(CODE_POINTS);
    if (classes.isEmpty()) {
      throw new ConvcutException(root + " has no class folders: an image folder holds one sub-folder of images per class"
          + " (e.g. " + root.resolve("cat") + "/1.jpg)");
    }
    List<Sample> samples = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    for (int label = 0; label < classes.size(); label++) {
      int before = samples.size();
      for (Path file : images(root.resolve(classes.get(label)))) {
        samples.add(new Sample(file, label));
      }
      if (samples.size() == before) {
        empty.add(classes.get(label));
      }
    }
    if (!empty.isEmpty() && !allowEmpty) {
      throw new ConvcutException(root + ": no image in the class folder" + (empty.size() > 1 ? "s " : " ") + String.join(", ", empty)
          + " (image files end in " + String.join(" ", EXTENSIONS) + ", any case)");
    }
    return new FolderListing(root, classes, samples);
  }

  /** The image files beneath {@code classDir}: folders by sorted path, files by sorted name, links followed. */
  private static List<Path> images(Path classDir) {
    Map<String, List<String>> byFolder = new TreeMap<>(CODE_POINTS);
    try (Stream<Path> walk = Files.walk(classDir, Integer.MAX_VALUE, EnumSet.of(FileVisitOption.FOLLOW_LINKS).toArray(new FileVisitOption[0]))) {
      walk.forEach(p -> {
        if (!p.equals(classDir) && !Files.isDirectory(p) && isImage(p.getFileName().toString())) {
          byFolder.computeIfAbsent(p.getParent().toString(), k -> new ArrayList<>()).add(p.getFileName().toString());
        }
      });
    } catch (IOException | UncheckedIOException e) {
      throw new ConvcutException("could not list " + classDir + ": " + e.getMessage(), e);
    }
    List<Path> files = new ArrayList<>();
    byFolder.forEach((folder, names) -> {
      names.sort(CODE_POINTS);
      names.forEach(n -> files.add(Path.of(folder, n)));
    });
    return files;
  }

  /** Images per class, in label order. */
  public int[] counts() {
    int[] counts = new int[classes.size()];
    samples.forEach(s -> counts[s.label()]++);
    return counts;
  }
}
