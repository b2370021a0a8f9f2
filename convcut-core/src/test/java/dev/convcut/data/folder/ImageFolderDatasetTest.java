package dev.convcut.data.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.ConvcutException;
import dev.convcut.data.DataOptions;
import dev.convcut.data.Datasets;
import dev.convcut.data.ImageSet;
import dev.convcut.data.LabelKind;
import dev.convcut.data.Normalization;
import dev.convcut.data.Split;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderDatasetTest {
  /** Image folder options: a transform, channels, skipping, the cache on, two decoding threads. */
  static FolderOptions options(int resize, int crop, int channels, boolean skipBad) {
    return new FolderOptions(resize, crop, channels, 0.2, 0, skipBad, true, 2);
  }

  @Test
  void evaluationTensorsAgreeWithTorchvisionForEveryModeAndOddSizes(@TempDir Path dir) throws Exception {
    Path root = TorchvisionFolder.write("modes", dir.resolve("modes"));
    for (int[] t : new int[][] {{256, 224, 3}, {40, 32, 3}, {0, 48, 3}, {36, 32, 1}}) {
      FolderOptions o = options(t[0], t[1], t[2], false);
      ImageFolderDataset folder = ImageFolderDataset.open(root, o, dir.resolve("cache"));
      Normalization n = t[2] == 3 ? ImageFolderDataset.IMAGENET : new Normalization(new double[] {0.5}, new double[] {0.25});
      TorchvisionFolder.View torch = TorchvisionFolder.view(root.resolve("val"), t[0], t[1], t[2], n.mean(), n.std(),
          dir.resolve("peer-" + t[0] + "-" + t[1] + "-" + t[2]));
      ImageSet ours = folder.load(Split.TEST);

      assertThat(ours.classes()).containsExactlyElementsOf(torch.classes());
      assertThat(Arrays.stream(ours.labels()).boxed().toList()).containsExactlyElementsOf(torch.sampleLabels());
      assertThat(torch.shape()).containsExactly(ours.size(), t[2], t[1], t[1]);
      float[][] tables = new float[t[2]][];
      for (int c = 0; c < t[2]; c++) {
        tables[c] = n.table(c);
      }
      double sum = 0;
      double max = 0;
      int plane = t[1] * t[1];
      for (int i = 0; i < ours.pixels().length; i++) {
        int channel = (i / plane) % t[2];
        double d = Math.abs(tables[channel][ours.pixels()[i] & 0xff] - torch.tensors()[i]);
        sum += d;
        max = Math.max(max, d);
      }
      double mean = sum / ours.pixels().length;
      // The target of the issue: mean absolute difference after normalization at most 1/255 (docs/data.md has the figures).
      assertThat(mean).as("mean |convcut - torchvision| after normalization, transform %s", o.describeTransform())
          .isLessThanOrEqualTo(1 / 255.0);
      // At most 3 pixel levels anywhere (exact here: the JDK and Pillow share the system's libjpeg-turbo).
      assertThat(max).as("max |convcut - torchvision|, transform %s", o.describeTransform())
          .isLessThanOrEqualTo(3 / 255.0 / Arrays.stream(n.std()).min().orElseThrow() + 1e-6);
      System.out.printf("imagefolder vs torchvision, %s: mean %.2e, max %.2e (normalized units)%n", o.describeTransform(), mean, max);
    }
  }

  @Test
  void aFashionMnistPngFolderHoldsTheIdxPixelsInTorchvisionsOrder(@TempDir Path dir) throws Exception {
    ImageSet idx = dev.convcut.data.ImageSets.first(Datasets.load("fashion-mnist", Split.TEST, DataOptions.defaults()), 600);
    Path root = dir.resolve("fmnist");
    writePngFolder(idx, root.resolve("val"));
    writePngFolder(idx, root.resolve("train"));
    ImageFolderDataset folder = ImageFolderDataset.open(root, options(0, 28, 1, false), dir.resolve("cache"));

    ImageSet test = folder.load(Split.TEST);

    assertThat(test.classes()).containsExactlyElementsOf(idx.classes().stream().map(ImageFolderDatasetTest::folderName)
        .sorted(FolderListing.CODE_POINTS).toList());
    // Files are named by index within their class folder, so torchvision's order is by class, then by index.
    int[] order = java.util.stream.IntStream.range(0, idx.size()).boxed()
        .sorted((a, b) -> a.equals(b) ? 0 : compareByClassName(idx, a, b)).mapToInt(Integer::intValue).toArray();
    for (int k = 0; k < order.length; k++) {
      int i = order[k];
      assertThat(Arrays.copyOfRange(test.pixels(), k * 784, (k + 1) * 784))
          .as("image %d of the folder (IDX image %d)", k, i).isEqualTo(Arrays.copyOfRange(idx.pixels(), i * 784, (i + 1) * 784));
      assertThat(test.classes().get(test.labels()[k])).isEqualTo(folderName(idx.classes().get(idx.labels()[i])));
    }
  }

  private static int compareByClassName(ImageSet idx, int a, int b) {
    int byClass = FolderListing.CODE_POINTS.compare(folderName(idx.classes().get(idx.labels()[a])),
        folderName(idx.classes().get(idx.labels()[b])));
    return byClass != 0 ? byClass : Integer.compare(a, b);
  }

  /** {@code set} as PNG class folders, file names the zero-padded image index. */
  static void writePngFolder(ImageSet set, Path root) throws Exception {
    for (int i = 0; i < set.size(); i++) {
      BufferedImage image = new BufferedImage(set.width(), set.height(), BufferedImage.TYPE_BYTE_GRAY);
      image.getRaster().setDataElements(0, 0, set.width(), set.height(),
          Arrays.copyOfRange(set.pixels(), i * set.imageBytes(), (i + 1) * set.imageBytes()));
      Path file = root.resolve(folderName(set.classes().get(set.labels()[i]))).resolve(String.format("%06d.png", i));
      Files.createDirectories(file.getParent());
      assertThat(ImageIO.write(image, "png", file.toFile())).isTrue();
    }
  }

  /** A class name as a folder name: Fashion-MNIST's "T-shirt/top" cannot be one. */
  static String folderName(String className) {
    return className.replace('/', '-');
  }

  @Test
  void theSecondLoadReadsTheCacheAndAChangedFileIsDecodedAgain(@TempDir Path dir) throws Exception {
    Path root = smallFolder(dir.resolve("small"));
    FolderOptions o = options(0, 8, 3, false);
    ImageSet first = new ImageFolderDataset2(root, o, dir.resolve("cache")).decoded(Split.TEST).images();
    DecodedSplit second = new ImageFolderDataset2(root, o, dir.resolve("cache")).decoded(Split.TEST);

    assertThat(second.fromCache()).isTrue();
    assertThat(second.images().pixels()).isEqualTo(first.pixels());
    Path changed = root.resolve("val/cat/0.png");
    writeRgb(changed, 8, 8, 200);
    Files.setLastModifiedTime(changed, FileTime.fromMillis(Files.getLastModifiedTime(changed).toMillis() + 5000));
    DecodedSplit third = new ImageFolderDataset2(root, o, dir.resolve("cache")).decoded(Split.TEST);
    assertThat(third.fromCache()).isFalse();
    assertThat(third.images().pixels()).isNotEqualTo(first.pixels());
  }

  @Test
  void aCorruptCacheFileIsIgnoredAndWrittenAgain(@TempDir Path dir) throws Exception {
    Path root = smallFolder(dir.resolve("small"));
    FolderOptions o = options(0, 8, 3, false);
    ImageSet first = new ImageFolderDataset2(root, o, dir.resolve("cache")).decoded(Split.TEST).images();
    try (var files = Files.list(dir.resolve("cache"))) {
      for (Path f : files.toList()) {
        Files.write(f, Arrays.copyOf(Files.readAllBytes(f), 40));
      }
    }
    DecodedSplit again = new ImageFolderDataset2(root, o, dir.resolve("cache")).decoded(Split.TEST);
    assertThat(again.fromCache()).isFalse();
    assertThat(again.images().pixels()).isEqualTo(first.pixels());
  }

  @Test
  void unreadableImagesFailNamingEveryFileOrAreSkippedAndReported(@TempDir Path dir) throws Exception {
    Path root = smallFolder(dir.resolve("small"));
    Files.write(root.resolve("val/dog/zz-truncated.png"), Arrays.copyOf(Files.readAllBytes(root.resolve("val/dog/0.png")), 30));
    Files.writeString(root.resolve("val/cat/zz-text.jpg"), "this is not a JPEG");
    Files.write(root.resolve("val/cat/zz-empty.png"), new byte[0]);

    assertThatThrownBy(() -> new ImageFolderDataset2(root, options(0, 8, 3, false), null).decoded(Split.TEST))
        .isInstanceOf(ConvcutException.class).hasMessageContaining("3 of 7 images")
        .hasMessageContaining("zz-truncated.png").hasMessageContaining("zz-text.jpg").hasMessageContaining("zz-empty.png");
    DecodedSplit skipped = new ImageFolderDataset2(root, options(0, 8, 3, true), null).decoded(Split.TEST);
    assertThat(skipped.images().size()).isEqualTo(4);
    assertThat(skipped.skipped()).hasSize(3).anySatisfy(s -> assertThat(s).contains("zz-empty.png"));
  }

  @Test
  void aClassMissingFromOneSplitIsRefusedNamingIt(@TempDir Path dir) throws Exception {
    Path root = smallFolder(dir.resolve("small"));
    writeRgb(root.resolve("train/emu/0.png"), 8, 8, 1);
    assertThatThrownBy(() -> FolderSplits.of(root, FolderOptions.DEFAULTS)).hasMessageContaining("emu only in train/");
    Files.createDirectories(root.resolve("lonely/train/a"));
    assertThatThrownBy(() -> FolderSplits.of(root.resolve("lonely"), FolderOptions.DEFAULTS))
        .hasMessageContaining("has a train/ folder but neither val/ nor test/");
  }

  @Test
  void aFlatFolderHoldsOutASeededShareOfEveryClass(@TempDir Path dir) throws Exception {
    for (int i = 0; i < 10; i++) {
      writeRgb(dir.resolve("flat/a/" + i + ".png"), 4, 4, i);
      writeRgb(dir.resolve("flat/b/" + i + ".png"), 4, 4, i);
    }
    FolderSplits s = FolderSplits.of(dir.resolve("flat"), new FolderOptions(0, 4, 3, 0.3, 5, false, false, 1));
    FolderSplits again = FolderSplits.of(dir.resolve("flat"), new FolderOptions(0, 4, 3, 0.3, 5, false, false, 1));
    FolderSplits other = FolderSplits.of(dir.resolve("flat"), new FolderOptions(0, 4, 3, 0.3, 6, false, false, 1));

    assertThat(s.test().counts()).containsExactly(3, 3);
    assertThat(s.train().counts()).containsExactly(7, 7);
    assertThat(again.test().samples()).isEqualTo(s.test().samples());
    assertThat(other.test().samples()).isNotEqualTo(s.test().samples());
    assertThat(s.layout()).contains("30% of each class held out (seed 5)");
  }

  @Test
  void trainingBatchesAreRandomResizedCropsThatRepeatFromTheSameStream(@TempDir Path dir) throws Exception {
    Path root = TorchvisionFolder.write("modes", dir.resolve("modes"));
    ImageFolderDataset folder = ImageFolderDataset.open(root, options(256, 32, 3, false), null);
    int[] order = java.util.stream.IntStream.range(0, folder.listing(Split.TRAIN).samples().size()).toArray();
    float[] a = new float[8 * 3 * 32 * 32];
    float[] b = new float[a.length];
    float[] c = new float[a.length];
    int[] labels = new int[8];
    try (FolderTrainBatches batches = folder.trainBatches(ImageFolderDataset.IMAGENET, 0)) {
      batches.assemble(order, 0, 8, a, labels, new SplittableRandom(3));
      batches.assemble(order, 0, 8, b, labels, new SplittableRandom(3));
      batches.assemble(order, 0, 8, c, labels, new SplittableRandom(4));
    }
    assertThat(b).isEqualTo(a);
    assertThat(c).isNotEqualTo(a);
    assertThat(labels).containsExactly(0, 0, 0, 0, 0, 0, 0, 1);
  }

  @Test
  void laterEpochsUseTheDecodedOriginalsKeptFromTheFirst(@TempDir Path dir) throws Exception {
    Path root = smallFolder(dir.resolve("small"));
    ImageFolderDataset folder = ImageFolderDataset.fresh(root, options(0, 6, 3, false), null);
    int[] order = {0, 1, 2, 3};
    float[] first = new float[4 * 3 * 6 * 6];
    float[] again = new float[first.length];
    int[] labels = new int[4];
    try (FolderTrainBatches batches = folder.trainBatches(ImageFolderDataset.IMAGENET, 0)) {
      batches.assemble(order, 0, 4, first, labels, new SplittableRandom(9));
      try (var files = Files.walk(root.resolve("train"))) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Files.delete(f);
        }
      }
      batches.assemble(order, 0, 4, again, labels, new SplittableRandom(9));
    }
    assertThat(again).isEqualTo(first);
  }

  /** train/ and val/ with classes cat and dog, a few 8x8 RGB PNGs each (val: 2 cats, 2 dogs). */
  static Path smallFolder(Path root) throws Exception {
    for (String split : new String[] {"train", "val"}) {
      for (String cls : new String[] {"cat", "dog"}) {
        for (int i = 0; i < 2; i++) {
          writeRgb(root.resolve(split).resolve(cls).resolve(i + ".png"), 8, 8, 40 * i + (cls.equals("dog") ? 100 : 0));
        }
      }
    }
    return root;
  }

  static void writeRgb(Path file, int w, int h, int shade) throws Exception {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, ((shade + x) & 0xff) << 16 | ((shade + y) & 0xff) << 8 | (shade * 7 & 0xff));
      }
    }
    Files.createDirectories(file.getParent());
    assertThat(ImageIO.write(image, "png", file.toFile())).isTrue();
  }

  /** A fresh dataset object each time (open() shares one per process), so each load decides cache or decode anew. */
  private record ImageFolderDataset2(Path root, FolderOptions options, Path cache) {
    DecodedSplit decoded(Split split) {
      return ImageFolderDataset.fresh(root, options, cache).decoded(split, null);
    }
  }

  static DataOptions dataOptions(Path root, FolderOptions o) {
    return new DataOptions(root, LabelKind.FINE, false, dev.convcut.data.DataLocations.fromEnvironment(), o);
  }
}
