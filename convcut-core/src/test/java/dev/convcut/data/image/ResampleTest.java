package dev.convcut.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Resample against Pillow's {@code resize(size, BILINEAR, box)} computed at test time: bit for
 * bit on RGB and L images, up- and downscaling by small and large factors, 1-pixel images and
 * fractional boxes.
 */
class ResampleTest {
  @TempDir static Path folder;

  static Stream<JsonNode> cases() throws Exception {
    return PythonFixtures.cases(folder, "resample");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesPillowBilinearBitForBit(JsonNode c) throws Exception {
    int channels = c.get("channels").asInt();
    Raster in = PythonFixtures.raster(folder, c.get("source").asText(), channels, c.get("height").asInt(),
        c.get("width").asInt());
    int oh = c.get("outHeight").asInt();
    int ow = c.get("outWidth").asInt();
    JsonNode box = c.get("box");
    Raster got = box.isNull() ? Resample.resize(in, oh, ow)
        : Resample.resize(in, box.get(0).asDouble(), box.get(1).asDouble(), box.get(2).asDouble(), box.get(3).asDouble(),
            oh, ow);
    Raster want = PythonFixtures.raster(folder, c.get("expected").asText(), channels, oh, ow);
    assertThat(got.samePixels(want)).as(c + ": " + PixelDifference.of(got, want)).isTrue();
  }

  @Test
  void aWindowOfTheResizedImageIsThoseResizedPixelsExactly() {
    SplittableRandom r = new SplittableRandom(5);
    for (int trial = 0; trial < 60; trial++) {
      int channels = trial % 2 == 0 ? 3 : 1;
      Raster in = random(channels, 1 + r.nextInt(60), 1 + r.nextInt(60), trial);
      int oh = 1 + r.nextInt(70);
      int ow = 1 + r.nextInt(70);
      int h = 1 + r.nextInt(oh);
      int w = 1 + r.nextInt(ow);
      int top = r.nextInt(oh - h + 1);
      int left = r.nextInt(ow - w + 1);
      Raster whole = Resample.resize(in, oh, ow);
      Raster window = Resample.resizeWindow(in, oh, ow, top, left, h, w);
      assertThat(window.samePixels(Resample.crop(whole, top, left, h, w)))
          .as("%dx%dx%d -> %dx%d, window %dx%d at (%d, %d)", channels, in.height(), in.width(), oh, ow, h, w, top, left).isTrue();
    }
    assertThatThrownBy(() -> Resample.resizeWindow(random(1, 4, 4, 1), 8, 8, 4, 0, 5, 8)).hasMessageContaining("must lie inside");
  }

  @Test
  void sameSizeWithoutBoxReturnsTheImage() {
    Raster in = random(3, 5, 7, 1);
    assertThat(Resample.resize(in, 5, 7).samePixels(in)).isTrue();
  }

  @Test
  void integerBoxOfTheOutputSizeIsACrop() {
    Raster in = random(1, 6, 8, 2);
    Raster got = Resample.resize(in, 2, 1, 5, 4, 3, 3);
    for (int y = 0; y < 3; y++) {
      for (int x = 0; x < 3; x++) {
        assertThat(got.get(0, y, x)).isEqualTo(in.get(0, y + 1, x + 2));
      }
    }
  }

  @Test
  void constantImageStaysConstantAtAnyScale() {
    byte[] p = new byte[3 * 13 * 17];
    java.util.Arrays.fill(p, (byte) 200);
    Raster in = new Raster(3, 13, 17, p);
    for (int[] size : new int[][] {{1, 1}, {5, 40}, {100, 3}, {13, 16}}) {
      Raster out = Resample.resize(in, size[0], size[1]);
      for (byte b : out.pixels()) {
        assertThat(b & 0xFF).isEqualTo(200);
      }
    }
  }

  @Test
  void boxOutsideTheImageIsRejected() {
    Raster in = random(1, 4, 4, 3);
    assertThatThrownBy(() -> Resample.resize(in, -1, 0, 2, 2, 2, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must lie inside the 4x4 image");
    assertThatThrownBy(() -> Resample.resize(in, 0, 0, 4.5, 2, 2, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Resample.resize(in, 0, 0, 2, 2, 0, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1x1");
  }

  static Raster random(int c, int h, int w, long seed) {
    byte[] p = new byte[c * h * w];
    new SplittableRandom(seed).nextBytes(p);
    return new Raster(c, h, w, p);
  }
}
