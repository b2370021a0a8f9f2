package dev.convcut.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * EvalTransform against torchvision's {@code Compose([Resize(S), CenterCrop(C)])} on PIL images
 * (uint8, before ToTensor), bit for bit, including crops larger than the image (zero padding),
 * odd offsets (round half to even) and no resize.
 */
class EvalTransformTest {
  @TempDir static Path folder;

  static Stream<JsonNode> cases() throws Exception {
    return PythonFixtures.cases(folder, "eval");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesTorchvisionResizeAndCenterCrop(JsonNode c) throws Exception {
    int channels = c.get("channels").asInt();
    Raster in = PythonFixtures.raster(folder, c.get("source").asText(), channels, c.get("height").asInt(),
        c.get("width").asInt());
    int crop = c.get("crop").asInt();
    Raster got = new EvalTransform(c.get("resize").asInt(), crop).apply(in);
    Raster want = PythonFixtures.raster(folder, c.get("expected").asText(), channels, crop, crop);
    assertThat(got.samePixels(want)).as(c + ": " + PixelDifference.of(got, want)).isTrue();
  }

  @Test
  void longerSideIsTruncatedNotRounded() {
    assertThat(EvalTransform.resizedSize(375, 500, 256)).containsExactly(256, 341);
    assertThat(EvalTransform.resizedSize(500, 375, 256)).containsExactly(341, 256);
    assertThat(EvalTransform.resizedSize(3, 3, 2)).containsExactly(2, 2);
  }

  @Test
  void cropOffsetsRoundHalfToEven() {
    Raster in = ResampleTest.random(1, 1, 5, 4);
    // (5 - 2) / 2 = 1.5 rounds to 2; Math.round would give 2 as well, so use (7 - 2) / 2 = 2.5 -> 2.
    Raster seven = ResampleTest.random(1, 1, 7, 5);
    Raster got = EvalTransform.centerCrop(new Raster(1, 2, 7, concat(seven.pixels(), seven.pixels())), 2, 2);
    assertThat(got.get(0, 0, 0)).isEqualTo(seven.get(0, 0, 2));
    assertThat(EvalTransform.centerCrop(in, 1, 2).get(0, 0, 0)).isEqualTo(in.get(0, 0, 2));
  }

  @Test
  void invalidSizesAreRejected() {
    assertThatThrownBy(() -> new EvalTransform(-1, 224)).hasMessageContaining("resize must be >= 0");
    assertThatThrownBy(() -> new EvalTransform(256, 0)).hasMessageContaining("crop must be >= 1");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
