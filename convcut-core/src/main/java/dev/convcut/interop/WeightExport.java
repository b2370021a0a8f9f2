package dev.convcut.interop;

import ai.djl.ndarray.NDArray;
import dev.convcut.ConvcutException;
import dev.convcut.Setting;
import dev.convcut.Words;
import dev.convcut.checkpoint.Checkpoint;
import dev.convcut.checkpoint.StateDict;
import dev.convcut.checkpoint.WeightFiles;
import dev.convcut.checkpoint.WeightFormat;
import dev.convcut.io.OutputPlace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a checkpoint's weights and BatchNorm running statistics under their PyTorch
 * {@code state_dict} names, as float32 in the chosen format. {@code num_batches_tracked} is not
 * written; PyTorch's {@code load_state_dict(strict=True)} accepts its absence.
 */
public final class WeightExport {
  private WeightExport() {}

  /** Exports {@code ck} to {@code out}, refusing to replace an existing file unless {@code force}. */
  public static Map<String, NDArray> export(Checkpoint ck, WeightFormat format, Path out, boolean force) {
    if (Files.exists(out) && !force) {
      throw OutputPlace.taken(out + " already exists", false);
    }
    if (Files.isDirectory(out)) {
      throw new ConvcutException(Words.of(out + " is a directory; ", Setting.OUT, " names the weight file to write"));
    }
    Map<String, NDArray> arrays = StateDict.of(ck.network());
    WeightFiles.write(out, arrays, format);
    return arrays;
  }
}
