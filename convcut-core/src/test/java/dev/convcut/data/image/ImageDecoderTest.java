package dev.convcut.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decoding against PIL's {@code Image.open(f).convert("RGB"/"L")} on images PIL wrote at test
 * time (image_fixtures.py): PNG, BMP, TIFF, GIF and PNM bit for bit; 16-bit grey scaled as PIL
 * scales 16-bit colour (PIL clips grey, measured); JPEG within the tolerances of
 * docs/image-decoding-notes.md.
 */
class ImageDecoderTest {
  /** JPEG decoders differ in IDCT/upsampling rounding; these bound what was measured. */
  static final int JPEG_MAX = 2;
  static final double JPEG_MEAN = 0.05;
  static final int CMYK_MAX = 3;
  static final double CMYK_MEAN = 0.2;

  @TempDir static Path folder;
  static JsonNode manifest;
  static final Map<String, String> measured = new TreeMap<>();

  /** Made on first use, so that without python only the tests that need it are skipped. */
  static synchronized JsonNode manifest() throws Exception {
    if (manifest == null) {
      JsonNode made = PythonFixtures.generate(folder, "decode");
      YcckJpeg.write(folder.resolve("cmyk.jpg"), folder.resolve("ycck.jpg"));
      Path ref = folder.resolve("ycck-ref");
      Files.createDirectories(ref);
      Files.copy(folder.resolve("ycck.jpg"), ref.resolve("ycck.jpg"));
      JsonNode ycck = PythonFixtures.generate(ref, "reference", "ycck.jpg");
      ((com.fasterxml.jackson.databind.node.ObjectNode) ycck.get(0)).put("dir", "ycck-ref");
      ((com.fasterxml.jackson.databind.node.ArrayNode) made).add(ycck.get(0));
      manifest = made;
    }
    return manifest;
  }

  /** A file written by image_fixtures.py. */
  static Path fixture(String name) throws Exception {
    manifest();
    return folder.resolve(name);
  }

  @AfterAll
  static void printMeasured() {
    if (measured.isEmpty()) {
      return;
    }
    System.out.println("Measured |convcut - PIL| per image and target mode (0..255 units):");
    measured.forEach((k, v) -> System.out.println("  " + k + ": " + v));
  }

  static Stream<JsonNode> cases() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    manifest().forEach(out::add);
    return out.stream();
  }

  private static Path dir(JsonNode c) {
    return c.has("dir") ? folder.resolve(c.get("dir").asText()) : folder;
  }

  private static Raster expected(JsonNode c, String target) throws Exception {
    return PythonFixtures.raster(dir(c), c.get(target).asText(), target.equals("RGB") ? 3 : 1, c.get("height").asInt(),
        c.get("width").asInt());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decodesAsPilConvertDoes(JsonNode c) throws Exception {
    Path file = dir(c).resolve(c.get("file").asText());
    String kind = c.get("kind").asText();
    if (kind.equals("unsupported")) {
      assertThatThrownBy(() -> ImageDecoder.decode(file, 3)).isInstanceOf(BadImageException.class)
          .hasMessageContaining(file.toString()).hasMessageContaining("unsupported format");
      return;
    }
    for (String target : List.of("RGB", "L")) {
      Raster got = ImageDecoder.decode(file, target.equals("RGB") ? 3 : 1);
      Raster want = expected(c, target);
      PixelDifference d = PixelDifference.of(got, want);
      String label = c.get("file").asText() + " (" + c.get("mode").asText() + ") -> " + target;
      measured.put(label, d.toString());
      switch (kind) {
        case "png", "exact" -> assertThat(got.samePixels(want)).as(label + ": " + d).isTrue();
        case "png16" -> {
          if (c.get("mode").asText().equals("I")) {
            // PIL clips 16-bit grey (mode I) to 0..255; convcut scales it as PIL scales 16-bit colour:
            // the high byte for PNG, round(v / maxval * 255) for PNM.
            Raster high = PythonFixtures.raster(folder, c.get("high").asText(), 1, got.height(), got.width());
            assertThat(got.samePixels(ModeConversion.toChannels(high, got.channels()))).as(label).isTrue();
          } else {
            assertThat(got.samePixels(want)).as(label + ": " + d).isTrue();
          }
        }
        case "jpeg" -> {
          assertThat(d.max()).as(label + " max").isLessThanOrEqualTo(JPEG_MAX);
          assertThat(d.mean()).as(label + " mean").isLessThanOrEqualTo(JPEG_MEAN);
        }
        case "jpeg-cmyk" -> {
          assertThat(d.max()).as(label + " max").isLessThanOrEqualTo(CMYK_MAX);
          assertThat(d.mean()).as(label + " mean").isLessThanOrEqualTo(CMYK_MEAN);
        }
        default -> throw new AssertionError("unknown kind " + kind);
      }
    }
  }

  @Test
  void inMemoryBytesDecodeLikeTheFile() throws Exception {
    Path file = fixture("sub420.jpg");
    Raster fromFile = ImageDecoder.decode(file, 3);
    Raster fromBytes = ImageDecoder.decode(Files.readAllBytes(file), "in-memory/sub420.jpg", 3);
    assertThat(fromBytes.samePixels(fromFile)).isTrue();
  }

  @Test
  void truncatedPngNamesTheFileAndSaysCorruptOrTruncated() throws Exception {
    byte[] png = Files.readAllBytes(fixture("rgb_37x53.png"));
    Path cut = write("cut.png", java.util.Arrays.copyOf(png, png.length / 2));
    assertBad(cut, "corrupt or truncated PNG data");
  }

  @Test
  void truncatedJpegNamesTheFileAndSaysTruncated() throws Exception {
    byte[] jpg = Files.readAllBytes(fixture("base_375x500.jpg"));
    Path cut = write("cut.jpg", java.util.Arrays.copyOf(jpg, jpg.length * 3 / 5));
    assertBad(cut, "truncated JPEG data");
  }

  @Test
  void randomBytesNamedJpgAreNotAnImage() throws Exception {
    byte[] junk = new byte[5000];
    new SplittableRandom(7).nextBytes(junk);
    junk[0] = 0x13;
    assertBad(write("random.jpg", junk), "not an image");
  }

  @Test
  void emptyFileIsReportedAsEmpty() throws Exception {
    assertBad(write("empty.png", new byte[0]), "empty file (0 bytes)");
  }

  @Test
  void textNamedPngIsNotAnImage() throws Exception {
    assertBad(write("notes.png", "these are not pixels\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        "not an image");
  }

  @Test
  void missingFileSaysSo() {
    assertBad(folder.resolve("absent.jpg"), "no such file");
  }

  @Test
  void channelsOtherThanOneOrThreeAreRejected() {
    assertThatThrownBy(() -> ImageDecoder.decode(folder.resolve("any.png"), 4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 4");
  }

  @Test
  void twelveMonkeysReadsJpegsAndImageIoWritesNoTemporaryFiles() throws Exception {
    ImageDecoder.decode(fixture("grey.jpg"), 1);
    assertThat(ImageIO.getImageReadersByFormatName("jpeg").next().getClass().getName())
        .startsWith("com.twelvemonkeys.imageio.plugins.jpeg");
    assertThat(JpegDecoder.SPI.createReaderInstance().getClass().getName()).startsWith("com.twelvemonkeys");
    assertThat(ImageIO.getUseCache()).isFalse();
  }

  @Test
  void fourThreadsDecodingTheSameFilesGetIdenticalPixels() throws Exception {
    List<String> names = List.of("base_375x500.jpg", "progressive.jpg", "cmyk.jpg", "grey.jpg", "rgb_37x53.png",
        "palette8_trns.png", "rgb16.png", "rgb24.bmp", "rgb_lzw.tif", "rgb.ppm");
    List<Raster> single = new ArrayList<>();
    for (String n : names) {
      single.add(ImageDecoder.decode(fixture(n), 3));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Raster>>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int shift = t;
        runs.add(pool.submit(() -> {
          List<Raster> got = new ArrayList<>(java.util.Collections.nCopies(names.size(), (Raster) null));
          for (int round = 0; round < 3; round++) {
            for (int i = 0; i < names.size(); i++) {
              int k = (i + shift) % names.size();
              got.set(k, ImageDecoder.decode(folder.resolve(names.get(k)), 3));
            }
          }
          return got;
        }));
      }
      for (Future<List<Raster>> run : runs) {
        List<Raster> got = run.get();
        for (int i = 0; i < names.size(); i++) {
          assertThat(got.get(i).samePixels(single.get(i))).as(names.get(i)).isTrue();
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Path write(String name, byte[] data) throws Exception {
    Path p = folder.resolve("bad").resolve(name);
    Files.createDirectories(p.getParent());
    return Files.write(p, data);
  }

  private static void assertBad(Path file, String reason) {
    assertThatThrownBy(() -> ImageDecoder.decode(file, 3)).isInstanceOfSatisfying(BadImageException.class,
        e -> assertThat(e.file()).isEqualTo(file)).hasMessageContaining(file.toString()).hasMessageContaining(reason);
  }
}
