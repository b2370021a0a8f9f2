package dev.convcut.data.folder;

import dev.convcut.ConvcutException;
import dev.convcut.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The training and evaluation images of an image folder: {@code train/} and {@code val/} (or
 * {@code test/}) beneath the root, each a folder of class folders with the same classes (the
 * ImageNet layout), or one folder of class folders from which a seeded share of every class is
 * held out for evaluation.
 *
 * @param train the training images
 * @param test the evaluation images
 * @param layout how they were found, for listings and run records
 */
public record FolderSplits(FolderListing train, FolderListing test, String layout) {

  /** Finds the splits of {@code root} as the record describes. */
  public static FolderSplits of(Path root, FolderOptions options) {
    Path trainDir = root.resolve("train");
    Path evalDir = Files.isDirectory(root.resolve("val")) ? root.resolve("val") : root.resolve("test");
    if (Files.isDirectory(trainDir)) {
      if (!Files.isDirectory(evalDir)) {
        throw new ConvcutException(root + " has a train/ folder but neither val/ nor test/: put the evaluation images in "
            + root.resolve("val") + ", or the class folders directly in " + root + " to hold out a share of them");
      }
      FolderListing train = FolderListing.of(trainDir, false);
      FolderListing test = FolderListing.of(evalDir, false);
      if (!train.classes().equals(test.classes())) {
        throw new ConvcutException(root + ": the classes of train/ and " + evalDir.getFileName() + "/ differ: "
            + difference(train.classes(), test.classes(), "train/", evalDir.getFileName() + "/"));
      }
      return new FolderSplits(train, test, "train/ and " + evalDir.getFileName() + "/");
    }
    FolderListing all = FolderListing.of(root, false);
    return holdOut(all, options.valFraction(), options.splitSeed());
  }

  /**
   * Splits {@code all}: of each class's {@code n} images, {@code round(n*fraction)} (at least one
   * when n >= 2, never all) drawn without replacement from the seed go to evaluation; both splits
   * keep torchvision's order.
   */
  static FolderSplits holdOut(FolderListing all, double fraction, long seed) {
    List<List<Integer>> byClass = new ArrayList<>();
    all.classes().forEach(c -> byClass.add(new ArrayList<>()));
    for (int i = 0; i < all.samples().size(); i++) {
      byClass.get(all.samples().get(i).label()).add(i);
    }
    boolean[] held = new boolean[all.samples().size()];
    Seeds seeds = new Seeds(seed);
    for (int label = 0; label < byClass.size(); label++) {
      List<Integer> members = byClass.get(label);
      int n = members.size();
      int k = n < 2 ? 0 : Math.min(n - 1, Math.max(1, (int) Math.round(n * fraction)));
      SplittableRandom random = new SplittableRandom(seeds.forPurpose("hold-out", label));
      int[] pool = members.stream().mapToInt(Integer::intValue).toArray();
      for (int i = 0; i < k; i++) {
        int j = i + random.nextInt(n - i);
        int t = pool[i];
        pool[i] = pool[j];
        pool[j] = t;
        held[pool[i]] = true;
      }
    }
    List<Sample> train = new ArrayList<>();
    List<Sample> test = new ArrayList<>();
    for (int i = 0; i < held.length; i++) {
      (held[i] ? test : train).add(all.samples().get(i));
    }
    return new FolderSplits(new FolderListing(all.root(), all.classes(), train), new FolderListing(all.root(), all.classes(), test),
        "one folder, " + Math.round(fraction * 100) + "% of each class held out (seed " + seed + ")");
  }

  private static String difference(List<String> a, List<String> b, String aName, String bName) {
    List<String> onlyA = new ArrayList<>(a);
    onlyA.removeAll(b);
    List<String> onlyB = new ArrayList<>(b);
    onlyB.removeAll(a);
    List<String> parts = new ArrayList<>();
    if (!onlyA.isEmpty()) {
      parts.add(String.join(", ", onlyA) + " only in " + aName);
    }
    if (!onlyB.isEmpty()) {
      parts.add(String.join(", ", onlyB) + " only in " + bName);
    }
    return String.join("; ", parts);
  }
}
