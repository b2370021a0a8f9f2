package dev.convcut.interop.onnx;

import ai.djl.ndarray.NDManager;
import dev.convcut.ConvcutException;
import dev.convcut.checkpoint.Architecture;
import dev.convcut.checkpoint.Checkpoint;
import dev.convcut.checkpoint.Preprocessing;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An ONNX file opened where a checkpoint is expected: the network is imported in memory, as
 * an ONNX import would, and nothing is written. The preprocessing, dataset and
 * class names come from the metadata {@code convcut export} writes; a file without them has an
 * unknown preprocessing until a dataset is named ({@link Architecture#forDataset}).
 */
public final class OnnxCheckpoint {
  private OnnxCheckpoint() {}

  /** Whether {@code path} is an ONNX file rather than a checkpoint directory. */
  public static boolean isOnnxFile(Path path) {
    return Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx");
  }

  /** The architecture of the network in {@code file}. */
  public static Architecture architecture(Path file) {
    return architecture(file, OnnxImport.read(file, new OnnxImport.Options(null, null)));
  }

  /** Imports the network of {@code file} into a sub-manager of {@code manager}. */
  public static Checkpoint load(Path file, NDManager manager) {
    OnnxImport.Imported imp = OnnxImport.read(file, new OnnxImport.Options(null, null));
    Architecture arch = architecture(file, imp);
    Network net = OnnxImport.network(imp, file, manager);
    return new Checkpoint(file, arch, net, null, Map.of());
  }

  private static Architecture architecture(Path file, OnnxImport.Imported imp) {
    ModelSpec spec = ModelSpec.of(imp.graph());
    Map<String, String> meta = imp.metadata();
    Preprocessing pre = null;
    if (meta.containsKey("convcut.mean") && meta.containsKey("convcut.std")) {
      try {
        pre = new Preprocessing(numbers(meta.get("convcut.mean")), numbers(meta.get("convcut.std")));
      } catch (IllegalArgumentException e) {
        throw new ConvcutException(file + ": metadata convcut.mean/convcut.std: " + e.getMessage(), e);
      }
    }
    String classes = meta.get("convcut.class_names");
    List<String> names = classes == null ? List.of() : Arrays.asList(classes.split(",", -1));
    try {
      return Architecture.of(spec, Map.of(), pre, meta.get("convcut.dataset"), names.size() == spec.classes() ? names : List.of());
    } catch (IllegalArgumentException e) {
      throw new ConvcutException(file + ": " + e.getMessage(), e);
    }
  }

  private static List<Double> numbers(String csv) {
    try {
      return Arrays.stream(csv.split(",")).map(s -> Double.valueOf(s.strip())).toList();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a list of numbers: " + csv, e);
    }
  }
}
