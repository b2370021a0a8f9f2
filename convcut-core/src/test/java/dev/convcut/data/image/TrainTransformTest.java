package dev.convcut.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * TrainTransform: the random crop box obeys torchvision's scale and ratio bounds, the output is
 * the box cut out and resized by {@link Resample} (then mirrored half the time), and the same
 * generator state gives the same pixels.
 */
class TrainTransformTest {
  private final TrainTransform standard = TrainTransform.standard(32);

  @Test
  void sameGeneratorStateGivesTheSameOutput() {
    Raster in = ResampleTest.random(3, 75, 100, 1);
    SplittableRandom a = new SplittableRandom(42);
    SplittableRandom b = new SplittableRandom(42);
    for (int i = 0; i < 20; i++) {
      assertThat(standard.apply(in, a).samePixels(standard.apply(in, b))).isTrue();
    }
    Raster other = standard.apply(in, new SplittableRandom(43));
    assertThat(other.samePixels(standard.apply(in, new SplittableRandom(42)))).isFalse();
  }

  @Test
  void outputIsCropByCropForAnyInputSize() {
    SplittableRandom r = new SplittableRandom(7);
    for (int[] hw : new int[][] {{1, 1}, {17, 3000}, {3000, 17}, {32, 32}, {375, 500}, {5, 9}}) {
      Raster out = standard.apply(ResampleTest.random(1, hw[0], hw[1], 2), r);
      assertThat(new int[] {out.channels(), out.height(), out.width()}).as("from %dx%d", hw[0], hw[1])
          .containsExactly(1, 32, 32);
    }
  }

  @Test
  void outputIsTheDrawnBoxResizedAndFlippedHalfTheTime() {
    Raster in = ResampleTest.random(3, 60, 80, 3);
    SplittableRandom applied = new SplittableRandom(11);
    SplittableRandom replay = new SplittableRandom(11);
    int flips = 0;
    int trials = 400;
    for (int i = 0; i < trials; i++) {
      Raster got = standard.apply(in, applied);
      TrainTransform.Box b = standard.box(60, 80, replay);
      Raster cut = Resample.crop(in, b.top(), b.left(), b.height(), b.width());
      Raster resized = Resample.resize(cut, 32, 32);
      boolean flip = replay.nextDouble() < 0.5;
      flips += flip ? 1 : 0;
      assertThat(got.samePixels(flip ? TrainTransform.flip(resized) : resized)).as("draw " + i + " " + b).isTrue();
    }
    assertThat(flips / (double) trials).isBetween(0.42, 0.58);
  }

  @Test
  void drawnBoxesRespectScaleAndRatioBounds() {
    SplittableRandom r = new SplittableRandom(5);
    int height = 375;
    int width = 500;
    double area = height * width;
    double smallest = 1;
    double largest = 0;
    for (int i = 0; i < 2000; i++) {
      TrainTransform.Box b = standard.box(height, width, r);
      assertThat(b.top()).isBetween(0, height - b.height());
      assertThat(b.left()).isBetween(0, width - b.width());
      double h = b.height();
      double w = b.width();
      // w and h are rounded from the exact sqrt(area*scale*ratio), sqrt(area*scale/ratio).
      assertThat((w + 0.5) * (h + 0.5)).isGreaterThanOrEqualTo(0.08 * area);
      assertThat((w - 0.5) * (h - 0.5)).isLessThanOrEqualTo(1.0 * area);
      assertThat((w + 0.5) / (h - 0.5)).isGreaterThanOrEqualTo(3.0 / 4.0);
      assertThat((w - 0.5) / (h + 0.5)).isLessThanOrEqualTo(4.0 / 3.0);
      smallest = Math.min(smallest, w * h / area);
      largest = Math.max(largest, w * h / area);
    }
    assertThat(smallest).isLessThan(0.1);
    assertThat(largest).isGreaterThan(0.7);
  }

  @Test
  void impossibleAspectFallsBackToTheCentredBoxWithTheRatioClamped() {
    TrainTransform.Box b = standard.box(1, 100, new SplittableRandom(1));
    assertThat(b).isEqualTo(new TrainTransform.Box(0, 49, 1, 1));
    TrainTransform.Box tall = standard.box(100, 2, new SplittableRandom(1));
    assertThat(tall.width()).isEqualTo(2);
    assertThat(tall.height()).isEqualTo(3); // round(2 / (3/4)) = round(2.67) = 3
    assertThat(tall.top()).isEqualTo((100 - 3) / 2);
  }

  @Test
  void invalidRangesAreRejected() {
    assertThatThrownBy(() -> new TrainTransform(0, 0.08, 1, 0.75, 1.33)).hasMessageContaining("crop must be >= 1");
    assertThatThrownBy(() -> new TrainTransform(32, 0.5, 0.2, 0.75, 1.33)).hasMessageContaining("scale range");
    assertThatThrownBy(() -> new TrainTransform(32, 0.08, 1, 2, 1)).hasMessageContaining("ratio range");
  }
}
