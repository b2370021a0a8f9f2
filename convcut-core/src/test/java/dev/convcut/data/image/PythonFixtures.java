package dev.convcut.data.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convcut.data.PythonPeer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs image_fixtures.py (test resources) with Debian's python3 + Pillow + torchvision to make
 * reference images and PIL's outputs in a temporary folder. Without python or a module the
 * tests are skipped, except under CI=true, where that is a failure (CI installs them).
 */
final class PythonFixtures {
  private PythonFixtures() {}

  /** Runs the script's command into the folder and returns its manifest. */
  static JsonNode generate(Path folder, String command, String... files) throws Exception {
    List<String> args = new ArrayList<>(List.of(script().toString(), command, folder.toString()));
    args.addAll(List.of(files));
    PythonPeer.run(args, folder.resolve("python.log"), 120);
    return new ObjectMapper().readTree(folder.resolve("manifest.json").toFile());
  }

  private static final java.util.Map<String, JsonNode> MANIFESTS = new java.util.HashMap<>();

  /**
   * The cases of the script's {@code command}, made into {@code folder} on first use (so that
   * without python only the tests that need them are skipped) and kept for the other tests.
   */
  static synchronized java.util.stream.Stream<JsonNode> cases(Path folder, String command) throws Exception {
    JsonNode manifest = MANIFESTS.get(folder + "\n" + command);
    if (manifest == null) {
      manifest = generate(folder, command);
      MANIFESTS.put(folder + "\n" + command, manifest);
    }
    List<JsonNode> out = new ArrayList<>();
    manifest.forEach(out::add);
    return out.stream();
  }

  static Raster raster(Path folder, String file, int channels, int height, int width) throws IOException {
    return new Raster(channels, height, width, Files.readAllBytes(folder.resolve(file)));
  }

  private static Path script() throws URISyntaxException {
    return Path.of(PythonFixtures.class.getResource("/image/image_fixtures.py").toURI());
  }
}
