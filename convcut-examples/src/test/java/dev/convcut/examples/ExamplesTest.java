package dev.convcut.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDManager;
import dev.convcut.checkpoint.Architecture;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.checkpoint.Preprocessing;
import dev.convcut.data.Datasets;
import dev.convcut.engine.Torch;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import dev.convcut.provenance.Provenance;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each example runs as a user would run it, on a cnn4 checkpoint for the real Fashion-MNIST
 * (Debian's dataset-fashion-mnist, which .ci/run installs; without it the tests skip, except
 * under CI=true, where they fail).
 */
class ExamplesTest {
  @TempDir static Path root;
  static Path checkpoint;

  @BeforeAll
  static void checkpoint() {
    boolean data = Files.exists(Path.of("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz"));
    if (!"true".equals(System.getenv("CI"))) {
      assumeTrue(data, "Debian's dataset-fashion-mnist is not installed");
    }
    Torch.configure(2);
    checkpoint = root.resolve("cnn4");
    try (NDManager m = NDManager.newBaseManager(); Network net = ModelZoo.build(new ModelSpec("cnn4", 1, 28, 10), m, 7)) {
      Checkpoints.save(checkpoint, false, net, Architecture.of(net.spec(), Map.of(),
          Preprocessing.of(Datasets.spec("fashion-mnist").normalization()), "fashion-mnist",
          Datasets.spec("fashion-mnist").classes()), null, Map.of(), Provenance.start("test", List.of()), null);
    }
  }

  static String run(ThrowingMain main) throws Exception {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      main.run();
    } finally {
      System.setOut(old);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  interface ThrowingMain {
    void run() throws Exception;
  }

  @Test
  void compressMyModelWritesASmallerCheckpointAndAnOnnxFile() throws Exception {
    Path out = root.resolve("compressed");
    String printed = run(() -> CompressMyModel.main(new String[] {checkpoint.toString(), out.toString()}));
    assertThat(printed).matches("(?s)top-1 \\d+\\.\\d\\d % -> \\d+\\.\\d\\d % \\(before fine-tuning\\)\\s*");
    assertThat(Checkpoints.architecture(out.resolve("checkpoint")).layers()).hasSize(4);
    assertThat(Files.size(out.resolve("model.onnx"))).isPositive();
  }

  @Test
  void sweepOneLayerPlotsEveryCut() throws Exception {
    Path png = root.resolve("features6.png");
    String printed = run(() -> SweepOneLayer.main(new String[] {checkpoint.toString(), "features.6", png.toString()}));
    assertThat(printed).contains("baseline 500/500").contains("features.6 ");
    assertThat(Files.readAllBytes(png)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
  }

  @Test
  void myDecompositionIsAMethodLikeConvcutsOwn() throws Exception {
    Path out = root.resolve("bottleneck");
    String printed = run(() -> MyDecomposition.main(new String[] {checkpoint.toString(), out.toString()}));
    assertThat(printed).contains("features.6 factorized").contains("features.8 factorized");
    assertThat(Checkpoints.architecture(out).layers().get("features.8").origin()).startsWith("bottleneck rank 16");
  }
}
