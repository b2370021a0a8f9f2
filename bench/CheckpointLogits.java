import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.convcut.checkpoint.Checkpoint;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.checkpoint.WeightFiles;
import dev.convcut.checkpoint.WeightFormat;
import dev.convcut.engine.Torch;
import dev.convcut.model.Ops;
import java.nio.file.Path;
import java.util.Map;

/**
 * The logits a convcut checkpoint computes in inference mode for the array named {@code input} of
 * a safetensors file, written as {@code logits} to another; compress_torch_check.py compares them
 * with PyTorch's. Run as a single-file program on convcut's class path:
 * {@code java -cp "convcut-cli/target/lib/*" bench/CheckpointLogits.java CHECKPOINT IN OUT}.
 */
public class CheckpointLogits {
  public static void main(String[] args) {
    Torch.configure(2);
    try (NDManager m = NDManager.newBaseManager(); Checkpoint ck = Checkpoints.load(Path.of(args[0]), m)) {
      Ops.gradMode(false);
      NDArray x = WeightFiles.read(Path.of(args[1]), m).get("input");
      NDArray logits = ck.network().forward(x, false);
      WeightFiles.write(Path.of(args[2]), Map.of("logits", logits), WeightFormat.SAFETENSORS);
    }
  }
}
