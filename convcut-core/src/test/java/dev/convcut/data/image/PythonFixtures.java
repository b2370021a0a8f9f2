package dev.convcut.data.image;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs image_fixtures.py (test resources) with Debian's python3 + Pillow + torchvision to make
 * reference images and PIL's outputs in a temporary folder. Without python or a module the
 * tests are skipped, except under CI=true, where that is a failure (CI installs them).
 */
final class PythonFixtures {
  /** The interpreter: system property convcut.python, else environment CONVCUT_PYTHON, else Debian's. */
  static final String PYTHON = System.getProperty("convcut.python",
      System.getenv().getOrDefault("CONVCUT_PYTHON", "/usr/bin/python3"));

  private PythonFixtures() {}

  /** Runs the script's command into the folder and returns its manifest. */
  static JsonNode generate(Path folder, String command, String... files) throws Exception {
    requireModules();
    List<String> args = new ArrayList<>(List.of(PYTHON, script().toString(), command, folder.toString()));
    args.addAll(List.of(files));
    run(args, folder);
    return new ObjectMapper().readTree(folder.resolve("manifest.json").toFile());
  }

  static Raster raster(Path folder, String file, int channels, int height, int width) throws IOException {
    return new Raster(channels, height, width, Files.readAllBytes(folder.resolve(file)));
  }

  private static void requireModules() throws Exception {
    String why;
    try {
      Process p = new ProcessBuilder(PYTHON, "-c", "import PIL, numpy, torch, torchvision").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      why = p.waitFor() == 0 ? null : PYTHON + " lacks a module: " + out.strip();
    } catch (IOException e) {
      why = PYTHON + " cannot be started: " + e.getMessage();
    }
    if (why != null) {
      String msg = why + " (apt install python3-pil python3-numpy python3-torch python3-torchvision)";
      if ("true".equals(System.getenv("CI"))) {
        fail("CI=true and the PIL reference is unavailable: " + msg);
      }
      Assumptions.abort("skipped, PIL reference unavailable: " + msg);
    }
  }

  private static Path script() throws URISyntaxException {
    return Path.of(PythonFixtures.class.getResource("/image/image_fixtures.py").toURI());
  }

  private static void run(List<String> args, Path folder) throws Exception {
    Path log = folder.resolve("python.log");
    Process p = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(String.join(" ", args) + " did not finish in 120 s");
    }
    if (p.exitValue() != 0) {
      fail(String.join(" ", args) + " failed with status " + p.exitValue() + ":\n" + Files.readString(log));
    }
  }
}
