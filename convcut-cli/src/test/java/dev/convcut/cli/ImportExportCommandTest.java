package dev.convcut.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.convcut.checkpoint.StateDict;
import dev.convcut.checkpoint.WeightFiles;
import dev.convcut.checkpoint.WeightFormat;
import dev.convcut.engine.Torch;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportExportCommandTest {
  @TempDir Path tmp;

  private Path pytorchStyleWeights(NDManager m, Network net, String file) {
    Path w = tmp.resolve(file);
    WeightFiles.write(w, StateDict.of(net), WeightFormat.ofFile(w));
    return w;
  }

  @Test
  void importThenExportGivesBackTheSameArrays() {
    Torch.configure(2);
    try (NDManager m = NDManager.newBaseManager(); Network net = ModelZoo.build(new ModelSpec("cnn4", 1, 8, 3), m, 3)) {
      Path w = pytorchStyleWeights(m, net, "w.npz");
      Path ck = tmp.resolve("ck");
      CliRun imp = CliRun.of("import", "--model", "cnn4", "--weights", w.toString(), "--channels", "1", "--size", "8",
          "--classes", "3", "--mean", "0.3", "--std", "0.4", "--out", ck.toString());
      assertThat(imp.code()).as(imp.err()).isZero();
      assertThat(ck.resolve("run.json")).exists();
      Path back = tmp.resolve("back.safetensors");
      CliRun exp = CliRun.of("export", "--checkpoint", ck.toString(), "--out", back.toString());
      assertThat(exp.code()).as(exp.err()).isZero();
      assertThat(exp.out()).contains("12 arrays");
      Map<String, NDArray> arrays = WeightFiles.read(back, m);
      assertThat(arrays.keySet()).containsExactlyInAnyOrderElementsOf(StateDict.of(net).keySet());
      StateDict.of(net).forEach((name, a) ->
          assertThat(Arrays.equals(arrays.get(name).toFloatArray(), a.toFloatArray())).as(name).isTrue());
    }
  }

  @Test
  void exportRefusesToReplaceAFileWithoutForce() throws Exception {
    Torch.configure(2);
    try (NDManager m = NDManager.newBaseManager(); Network net = ModelZoo.build(new ModelSpec("cnn4", 1, 8, 3), m, 3)) {
      Path w = pytorchStyleWeights(m, net, "w.safetensors");
      Path ck = tmp.resolve("ck");
      assertThat(CliRun.of("import", "--model", "cnn4", "--weights", w.toString(), "--channels", "1", "--size", "8",
          "--classes", "3", "--out", ck.toString()).code()).isZero();
      Path out = tmp.resolve("x.npz");
      Files.writeString(out, "keep me");
      CliRun r = CliRun.of("export", "--checkpoint", ck.toString(), "--out", out.toString());
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err()).contains("already exists").contains("--force");
      assertThat(Files.readString(out)).isEqualTo("keep me");
      assertThat(CliRun.of("export", "--checkpoint", ck.toString(), "--out", out.toString(), "--force").code()).isZero();
    }
  }

  @Test
  void importingWeightsOfAnotherShapeListsEveryMismatch() {
    Torch.configure(2);
    try (NDManager m = NDManager.newBaseManager(); Network net = ModelZoo.build(new ModelSpec("resnet20", 3, 8, 10), m, 3)) {
      Path w = pytorchStyleWeights(m, net, "w.safetensors");
      CliRun r = CliRun.of("import", "--model", "resnet20", "--weights", w.toString(), "--channels", "1", "--classes", "5",
          "--out", tmp.resolve("ck").toString());
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err()).contains("3 name or shape mismatches").contains("conv1.weight").contains("fc.weight").contains("fc.bias");
      assertThat(tmp.resolve("ck")).doesNotExist();
    }
  }
}
