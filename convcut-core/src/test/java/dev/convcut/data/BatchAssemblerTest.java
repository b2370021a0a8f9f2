package dev.convcut.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchAssemblerTest {
  private static final Normalization CIFAR = Datasets.spec("cifar10").normalization();

  /** Images whose byte k of image n is {@link DataFixtures#pixel}, with labels n % 10. */
  static ImageSet images(int count, int channels, int size) {
    int bytes = channels * size * size;
    byte[] pixels = new byte[count * bytes];
    int[] labels = new int[count];
    for (int n = 0; n < count; n++) {
      labels[n] = n % 10;
      for (int k = 0; k < bytes; k++) {
        pixels[n * bytes + k] = (byte) DataFixtures.pixel(n, k);
      }
    }
    return new ImageSet("test", "train", channels, size, size, ClassNames.CIFAR10, pixels, labels);
  }

  @Test
  void withoutAugmentationEachPixelIsScaledAndNormalizedPerChannel() {
    ImageSet set = images(4, 3, 32);
    BatchAssembler assembler = new BatchAssembler(set, CIFAR, Augmentation.NONE);
    float[] out = new float[2 * 3072];
    int[] labels = new int[2];
    assembler.assemble(new int[] {3, 1}, 0, 2, out, labels, null);
    assertThat(labels).containsExactly(3, 1);
    for (int k : new int[] {0, 1500, 3071}) {
      int c = k / 1024;
      double expected = (DataFixtures.pixel(3, k) / 255.0 - CIFAR.mean()[c]) / CIFAR.std()[c];
      assertThat((double) out[k]).isCloseTo(expected, within(1e-6));
    }
    assertThat((double) out[3072 + 10]).isCloseTo((DataFixtures.pixel(1, 10) / 255.0 - 0.4914) / 0.2470, within(1e-6));
  }

  /** Values computed by torchvision 0.14: F.pad(img, 4), F.crop(i, j, 32, 32), F.hflip, to_tensor, Normalize. */
  @Test
  void cropAndFlipMatchTorchvisionOnThePaddedImage() {
    BatchAssembler assembler = new BatchAssembler(images(4, 3, 32), CIFAR, Augmentation.CROP_AND_FLIP);
    float[] out = new float[3072];
    // torchvision's crop origin (i, j) in the padded image is (top + 4, left + 4) here.
    assembler.write(3, 1 - 4, 7 - 4, true, out, 0);
    assertTorchvision(out, new double[] {-327.2901, -293.3053, -133.2686}, -1.9894737005233765, 1.305133581161499, 1.9209465980529785);
    assembler.write(3, 8 - 4, 0 - 4, false, out, 0);
    assertTorchvision(out, new double[] {-451.1926, -418.9888, -250.256}, -1.9894737005233765, -0.4342069923877716, -1.7068043947219849);
    assembler.write(3, 0, 0, false, out, 0);
    assertTorchvision(out, new double[] {35.6535, 74.8551, 209.419}, -0.5129316449165344, 2.078173875808716, -0.41760358214378357);
  }

  private static void assertTorchvision(float[] out, double[] channelSums, double at000, double at159, double at23131) {
    for (int c = 0; c < 3; c++) {
      double sum = 0;
      for (int k = c * 1024; k < (c + 1) * 1024; k++) {
        sum += out[k];
      }
      assertThat(sum).isCloseTo(channelSums[c], within(2e-3));
    }
    assertThat((double) out[0]).isCloseTo(at000, within(1e-6));
    assertThat((double) out[1024 + 5 * 32 + 9]).isCloseTo(at159, within(1e-6));
    assertThat((double) out[2048 + 31 * 32 + 31]).isCloseTo(at23131, within(1e-6));
  }

  @Test
  void augmentationAgreesWithANaivePadCropFlipForEveryDraw() {
    ImageSet set = images(6, 3, 8);
    Normalization norm = new Normalization(new double[] {0.5, 0.4, 0.3}, new double[] {0.2, 0.25, 0.3});
    BatchAssembler assembler = new BatchAssembler(set, norm, new Augmentation(2, true));
    int[] order = {5, 0, 3, 3, 1, 2};
    float[] out = new float[order.length * 192];
    assembler.assemble(order, 0, order.length, out, new int[order.length], new SplittableRandom(7));
    SplittableRandom replay = new SplittableRandom(7);
    for (int b = 0; b < order.length; b++) {
      int top = replay.nextInt(5) - 2;
      int left = replay.nextInt(5) - 2;
      boolean flip = replay.nextBoolean();
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < 8; y++) {
          for (int x = 0; x < 8; x++) {
            int sy = y + top;
            int sx = (flip ? 7 - x : x) + left;
            int v = sy < 0 || sy >= 8 || sx < 0 || sx >= 8 ? 0 : DataFixtures.pixel(order[b], c * 64 + sy * 8 + sx);
            double expected = (v / 255.0 - norm.mean()[c]) / norm.std()[c];
            assertThat((double) out[b * 192 + c * 64 + y * 8 + x]).as("image %d c%d y%d x%d", b, c, y, x).isCloseTo(expected, within(1e-5));
          }
        }
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameBatchAndAnotherSeedAnother() {
    BatchAssembler assembler = new BatchAssembler(images(16, 3, 32), CIFAR, Augmentation.CROP_AND_FLIP);
    int[] order = new int[16];
    java.util.Arrays.setAll(order, i -> i);
    float[] a = new float[16 * 3072];
    float[] b = new float[16 * 3072];
    float[] c = new float[16 * 3072];
    assembler.assemble(order, 0, 16, a, new int[16], new SplittableRandom(1));
    assembler.assemble(order, 0, 16, b, new int[16], new SplittableRandom(1));
    assembler.assemble(order, 0, 16, c, new int[16], new SplittableRandom(2));
    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(c);
  }

  @Test
  void cropOffsetsCoverAllNineByNinePositionsAndBothFlips() {
    ImageSet set = images(1, 1, 12);
    Normalization none = Normalization.none(1);
    BatchAssembler assembler = new BatchAssembler(set, none, Augmentation.CROP_AND_FLIP);
    Set<List<Float>> seen = new HashSet<>();
    SplittableRandom random = new SplittableRandom(3);
    float[] out = new float[144];
    for (int i = 0; i < 3000; i++) {
      assembler.assemble(new int[] {0}, 0, 1, out, new int[1], random);
      List<Float> key = new java.util.ArrayList<>();
      for (float f : out) {
        key.add(f);
      }
      seen.add(key);
    }
    assertThat(seen).hasSize(9 * 9 * 2);
  }

  @Test
  void refusesArraysTooSmallIndicesOutOfRangeAndAMissingRandomStream() {
    BatchAssembler plain = new BatchAssembler(images(2, 3, 32), CIFAR, Augmentation.NONE);
    assertThatThrownBy(() -> plain.assemble(new int[] {0, 1}, 0, 2, new float[3072], new int[2], null))
        .hasMessage("a batch of 2 needs 6144 floats and 2 labels, got arrays of 3072 and 2");
    assertThatThrownBy(() -> plain.assemble(new int[] {2}, 0, 1, new float[3072], new int[1], null))
        .hasMessage("image index 2 outside 0..1 of test/train");
    BatchAssembler augmenting = new BatchAssembler(images(2, 3, 32), CIFAR, Augmentation.CROP_AND_FLIP);
    assertThatThrownBy(() -> augmenting.assemble(new int[] {0}, 0, 1, new float[3072], new int[1], null))
        .hasMessage("augmentation crop(pad=4)+flip needs a random stream");
    assertThatThrownBy(() -> new BatchAssembler(images(1, 3, 32), Normalization.none(1), Augmentation.NONE))
        .hasMessage("normalization has 1 channels but test images have 3");
  }
}
