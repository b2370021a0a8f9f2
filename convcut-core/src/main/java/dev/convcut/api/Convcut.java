package dev.convcut.api;

import dev.convcut.engine.Torch;
import java.nio.file.Path;

/**
 * Where a Java program starts: load a checkpoint folder (one that {@code convcut train},
 * {@code import}, {@code truncate} or {@code compress} wrote, or {@link Model#save}) and work on
 * it in memory. The engine starts on first use, with all cores unless {@link #threads} says
 * otherwise.
 */
public final class Convcut {
  private Convcut() {}

  /** Loads the checkpoint in {@code dir}; close the model when done. */
  public static Model load(Path dir) {
    Torch.configure(0);
    return Model.of(dir);
  }

  /** libtorch's intra-op threads (0: all cores); call before the first load to take effect. */
  public static void threads(int threads) {
    Torch.configure(threads);
  }
}
