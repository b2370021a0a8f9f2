package dev.convcut.cli;

import ai.djl.ndarray.NDManager;
import dev.convcut.checkpoint.Architecture;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.checkpoint.Preprocessing;
import dev.convcut.engine.Torch;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import dev.convcut.provenance.Provenance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A tiny learnable Fashion-MNIST-shaped dataset (class c lights up a band of rows, plus noise) in
 * the official IDX files, and a randomly initialized cnn4 checkpoint for it: enough to run the
 * study's commands end to end in seconds.
 */
public final class TinyStudy {
  static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
      "Bag", "Ankle boot");

  private TinyStudy() {}

  /** Writes {@code train} and {@code test} images into {@code dir} as uncompressed IDX files. */
  public static Path dataset(Path dir, int train, int test) {
    write(dir, "train", train, 11);
    write(dir, "t10k", test, 12);
    return dir;
  }

  private static void write(Path dir, String stem, int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    ByteBuffer images = ByteBuffer.allocate(16 + n * 784).putInt(0x803).putInt(n).putInt(28).putInt(28);
    ByteBuffer labels = ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
    for (int i = 0; i < n; i++) {
      int c = rnd.nextInt(10);
      labels.put((byte) c);
      for (int r = 0; r < 28; r++) {
        for (int col = 0; col < 28; col++) {
          images.put((byte) (rnd.nextInt(90) + (r / 3 == c ? 150 : 0)));
        }
      }
    }
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve(stem + "-images-idx3-ubyte"), images.array());
      Files.write(dir.resolve(stem + "-labels-idx1-ubyte"), labels.array());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A randomly initialized cnn4 for Fashion-MNIST, saved as a checkpoint directory. */
  public static Path checkpoint(Path dir, long seed) {
    Torch.configure(2);
    try (NDManager m = NDManager.newBaseManager(); Network net = ModelZoo.build(new ModelSpec("cnn4", 1, 28, 10), m, seed)) {
      Architecture arch = Architecture.of(net.spec(), Map.of(), new Preprocessing(List.of(0.286), List.of(0.353)), "fashion-mnist",
          CLASSES);
      Checkpoints.save(dir, false, net, arch, null, Map.of(), Provenance.start("test", List.of()), null);
    }
    return dir;
  }
}
