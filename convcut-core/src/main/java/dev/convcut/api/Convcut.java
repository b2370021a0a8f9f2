package dev.convcut.api;

import dev.convcut.engine.Torch;
import java.nio.file.Path;

/**
 * Where a Java program starts: load a checkpoint folder (one that {@code convcut train},
 * {@code import}, {@code truncate} or {@code compress} wrote, or {@link Model#save}) or an ONNX
 * file, and work on it in memory. The engine starts on first use, with all cores unless {@link #threads} says
 * otherwise.
 */
public final class Convcut {
  private Convcut() {}

  /**
   * Loads the checkpoint in {@code path}, or the ONNX file {@code path} (imported in memory; its
   * preprocessing from the metadata {@code convcut export} writes); close the model when done.
   */
  public static Model load(Path path) {
    Torch.configure(0);
    return Model.of(path, null);
  }

  /**
   * Loads the ONNX file {@code path} for {@code dataset}: a file without convcut's metadata takes
   * that dataset's preprocessing (its normalization; an image folder's is measured), as {@code
   * convcut import --dataset} does.
   */
  public static Model load(Path path, String dataset) {
    Torch.configure(0);
    return Model.of(path, dataset);
  }

  /** libtorch's intra-op threads (0: all cores); call before the first load to take effect. */
  public static void threads(int threads) {
    Torch.configure(threads);
  }
}
