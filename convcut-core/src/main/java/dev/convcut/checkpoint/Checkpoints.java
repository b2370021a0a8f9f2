package dev.convcut.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.convcut.ConvcutException;
import dev.convcut.interop.onnx.OnnxCheckpoint;
import dev.convcut.io.AtomicFiles;
import dev.convcut.io.Json;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import dev.convcut.provenance.Provenance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes and reads checkpoint directories. A checkpoint is written whole into a temporary
 * sibling and renamed into place, so a reader never sees half of one; an existing one is
 * replaced only when asked (force).
 */
public final class Checkpoints {
  public static final String ARCHITECTURE = "architecture.json";
  public static final String WEIGHTS = "weights.safetensors";
  public static final String TRAINING_STATE = "training-state.json";
  public static final String OPTIMIZER = "optimizer.safetensors";
  public static final String RUN = "run.json";

  private Checkpoints() {}

  /** The training state to store for resuming: a JSON-serializable object and named optimizer buffers. */
  public record Resume(Object state, Map<String, NDArray> optimizer) {}

  /**
   * Writes a checkpoint directory.
   *
   * @param resume training state, or null for weights only
   * @param textFiles further files to place in the directory (e.g. {@code metrics.csv})
   * @param provenance the run that made it; written as {@code run.json} with {@code results}
   */
  public static void save(Path dir, boolean force, Network net, Architecture architecture, Resume resume,
      Map<String, String> textFiles, Provenance provenance, Object results) {
    if (!architecture.spec().equals(net.spec())) {
      throw new IllegalArgumentException("architecture " + architecture.spec() + " does not describe the network " + net.spec());
    }
    architecture.preprocessing(); // refuses, before anything is written, a network whose preprocessing is unknown
    AtomicFiles.writeDirectory(dir, force, tmp -> {
      Json.writeFile(tmp.resolve(ARCHITECTURE), architecture);
      WeightFiles.write(tmp.resolve(WEIGHTS), StateDict.of(net), WeightFormat.SAFETENSORS);
      if (resume != null) {
        Json.writeFile(tmp.resolve(TRAINING_STATE), resume.state());
        if (!resume.optimizer().isEmpty()) {
          WeightFiles.write(tmp.resolve(OPTIMIZER), resume.optimizer(), WeightFormat.SAFETENSORS);
        }
      }
      for (Map.Entry<String, String> f : textFiles.entrySet()) {
        Files.writeString(tmp.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
      }
      provenance.writeTo(tmp, results);
    });
  }

  /**
   * The file holding the weights of the checkpoint {@code path}: its {@value #WEIGHTS}, or the
   * ONNX file itself when {@code path} is one.
   */
  public static Path weights(Path path) {
    return OnnxCheckpoint.isOnnxFile(path) ? path : path.resolve(WEIGHTS);
  }

  /** Reads only the architecture of the checkpoint in {@code dir} (or of an ONNX file, imported in memory). */
  public static Architecture architecture(Path dir) {
    if (OnnxCheckpoint.isOnnxFile(dir)) {
      return OnnxCheckpoint.architecture(dir);
    }
    if (!Files.isDirectory(dir)) {
      throw new ConvcutException(dir + ": no such checkpoint directory");
    }
    Path file = dir.resolve(ARCHITECTURE);
    if (!Files.isRegularFile(file)) {
      throw new ConvcutException(file + ": missing; a checkpoint directory holds " + ARCHITECTURE + ", " + WEIGHTS + " and " + RUN);
    }
    return Json.readFile(file, Architecture.class);
  }

  /**
   * Loads the checkpoint in {@code dir}: rebuilds the network its architecture describes and
   * fills in the weights, refusing missing files, unknown architectures, mismatched names or
   * shapes and non-finite values with a message naming the file and what is wrong. An ONNX file
   * in place of the directory is imported in memory ({@link OnnxCheckpoint}).
   */
  public static Checkpoint load(Path dir, NDManager manager) {
    if (OnnxCheckpoint.isOnnxFile(dir)) {
      return OnnxCheckpoint.load(dir, manager);
    }
    Architecture arch = architecture(dir);
    Path weights = dir.resolve(WEIGHTS);
    if (!Files.isRegularFile(weights)) {
      throw new ConvcutException(weights + ": missing; the checkpoint has no weights");
    }
    Network net = ModelZoo.forLoading(arch.spec(), arch.layers(), manager);
    try (NDManager scratch = manager.newSubManager()) {
      StateDict.load(net, WeightFiles.read(weights, scratch), weights.toString());
      JsonNode state = null;
      Map<String, NDArray> optimizer = Map.of();
      Path stateFile = dir.resolve(TRAINING_STATE);
      if (Files.isRegularFile(stateFile)) {
        state = Json.readFile(stateFile, JsonNode.class);
        Path optFile = dir.resolve(OPTIMIZER);
        if (Files.isRegularFile(optFile)) {
          optimizer = WeightFiles.read(optFile, net.manager());
        }
      }
      return new Checkpoint(dir, arch, net, state, optimizer);
    } catch (RuntimeException e) {
      net.close();
      throw e;
    }
  }

  /** Reads a text file of a checkpoint (e.g. {@code metrics.csv}), or null if it has none. */
  public static String readText(Path dir, String name) {
    Path f = dir.resolve(name);
    try {
      return Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      throw new ConvcutException(f + ": unreadable: " + e.getMessage(), e);
    }
  }
}
