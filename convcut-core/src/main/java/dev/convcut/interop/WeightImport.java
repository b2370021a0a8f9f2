package dev.convcut.interop;

import ai.djl.ndarray.NDManager;
import dev.convcut.checkpoint.StateDict;
import dev.convcut.checkpoint.WeightFiles;
import dev.convcut.model.LayerForm;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds a convcut network from a safetensors or npz file of PyTorch {@code state_dict} arrays
 * (e.g. a ResNet-50 trained in PyTorch). Every name or shape mismatch is listed in one error;
 * {@code num_batches_tracked} entries are ignored; float16/float64 arrays are converted to
 * float32.
 */
public final class WeightImport {
  private WeightImport() {}

  /** A network of {@code spec} (with the given factorized forms) holding the file's weights. */
  public static Network load(ModelSpec spec, Map<String, LayerForm> forms, Path file, NDManager manager) {
    Network net = ModelZoo.forLoading(spec, forms, manager);
    try (NDManager scratch = manager.newSubManager()) {
      StateDict.load(net, WeightFiles.read(file, scratch), file.toString());
      return net;
    } catch (RuntimeException e) {
      net.close();
      throw e;
    }
  }
}
