package dev.convcut.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.data.DataOptions;
import dev.convcut.interop.onnx.OrtModel;
import dev.convcut.model.LayerKind;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import dev.convcut.provenance.Provenance;
import dev.convcut.study.AppliedTruncation;
import dev.convcut.study.Score;
import dev.convcut.study.SweepRow;
import dev.convcut.tensor.Cut;
import dev.convcut.tensor.Level;
import dev.convcut.tensorize.Method;
import dev.convcut.tensorize.RankRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade end to end on a cnn4 checkpoint and Fashion-MNIST-shaped IDX files made here. */
class ConvcutApiTest {
  @TempDir static Path root;
  static Path checkpoint;
  static DataOptions data;

  @BeforeAll
  static void checkpointAndData() {
    checkpoint = ApiFixtures.checkpoint(root.resolve("cnn4"), 7);
    data = ApiFixtures.data(root, 20, 60);
  }

  @Test
  void aSweepsRowScoresWhatTruncatingACopyAndEvaluatingItGives() {
    try (Model model = Convcut.load(checkpoint)) {
      EvalData test = EvalData.test(model, "fashion-mnist", data, 40, 3).batchSize(16);
      Score dense = model.evaluate(test);
      assertThat(dense.images()).isEqualTo(40);
      float[] before = model.network().weight("features.6");
      SweepResult sweep = model.sweep(SweepOptions.builder().setData(test).optLayers("features.6")
          .optCuts(Cut.O_IHW, Cut.OH_IW).optLevels(Level.keep(0.5), Level.keep(1.0)).build());
      assertThat(model.network().weight("features.6")).containsExactly(before);
      assertThat(sweep.baseline()).isEqualTo(dense.top1());
      assertThat(sweep.rows()).hasSize(4).allSatisfy(r -> assertThat(r.layer()).isEqualTo("features.6"));
      SweepRow half = sweep.rows().stream().filter(r -> r.cut().equals("oh|iw") && r.level().equals("keep0.5")).findFirst()
          .orElseThrow();
      try (Model copy = model.copy()) {
        AppliedTruncation t = copy.truncate("features.6:oh|iw=keep0.5");
        assertThat(t.layers().get(0).normLoss()).isCloseTo(half.normLoss(), within(1e-9));
        Score truncated = copy.evaluate(test);
        assertThat(half.score().top1()).isEqualTo(truncated.top1());
        assertThat(half.score().loss()).isCloseTo(truncated.loss(), within(1e-5));
      }
      assertThat(model.evaluate(test)).isEqualTo(dense);
    }
  }

  @Test
  void theCallersEvaluatorScoresEachDistinctVariantOnceAndCancellingRestoresTheWeights() {
    try (Model model = Convcut.load(checkpoint)) {
      AtomicInteger calls = new AtomicInteger();
      float[] before = model.network().weight("features.2");
      SweepResult sweep = model.sweep(SweepOptions.builder().optLayers("features.2").optCuts(Cut.O_IHW)
          .optLevels(Level.keep(0.5), Level.keep(1.0), Level.parse("rank1"))
          .setEvaluator(net -> {
            calls.incrementAndGet();
            return Math.min(1, Math.abs(net.weight("features.2")[0]));
          }).build());
      assertThat(calls.get()).isEqualTo(1 + 2);
      assertThat(sweep.rows()).hasSize(3).allSatisfy(r -> assertThat(r.score().top5()).isNaN());
      assertThat(model.network().weight("features.2")).containsExactly(before);

      List<String> heard = new ArrayList<>();
      assertThatThrownBy(() -> model.sweep(SweepOptions.builder().optLayers("features.2").optCuts(Cut.O_IHW)
          .optLevels(Level.keep(0.5), Level.parse("rank1")).setEvaluator(net -> 0.5)
          .optListener((label, done, total) -> {
            heard.add(label + " " + done + "/" + total);
            throw new CancellationException("stop");
          }).build())).isInstanceOf(CancellationException.class);
      assertThat(heard).containsExactly("features.2 1/2");
      assertThat(model.network().weight("features.2")).containsExactly(before);
    }
  }

  @Test
  void aCompressedModelIsSmallerSavesAsACheckpointAndExportsToOnnxThatOnnxRuntimeRunsAlike() throws Exception {
    try (Model model = Convcut.load(checkpoint);
        Model small = model.compress(Method.TUCKER2, RankRequest.level(Level.keep(0.25)), "features.*")) {
      long dense = model.layers().stream().filter(l -> l.kind() == LayerKind.CONV).mapToLong(l -> l.params()).sum();
      long factorized = small.layers().stream().filter(l -> l.kind() == LayerKind.CONV).mapToLong(l -> l.params()).sum();
      assertThat(factorized).isLessThan(dense / 2);
      Path saved = root.resolve("small");
      small.save(saved);
      assertThat(Checkpoints.architecture(saved).layers()).containsKeys("features.2", "features.6", "features.8");
      assertThatThrownBy(() -> small.save(saved)).hasMessageContaining(saved.toString());
      Path onnx = root.resolve("small.onnx");
      small.exportOnnx(onnx);
      float[] x = new float[2 * 28 * 28];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) Math.sin(i);
      }
      float[] ours;
      try (NDManager m = NDManager.newBaseManager()) {
        ours = small.network().forward(m.create(x, new ai.djl.ndarray.types.Shape(2, 1, 28, 28)), false).toFloatArray();
      }
      try (OrtModel ort = OrtModel.load(Files.readAllBytes(onnx), 1, onnx.toString()); OrtModel.Batch b = ort.batch(x,
          new long[] {2, 1, 28, 28})) {
        float[] theirs = ort.run(b);
        for (int i = 0; i < ours.length; i++) {
          assertThat(theirs[i]).isCloseTo(ours[i], within(1e-4f));
        }
      }
      try (Model back = Convcut.load(onnx)) {
        assertThat(back.architecture().preprocessing()).isEqualTo(small.architecture().preprocessing());
        EvalData test = EvalData.test(small, "fashion-mnist", data, 40, 3);
        Score a = small.evaluate(test);
        Score b = back.evaluate(test);
        assertThat(b.top1()).isEqualTo(a.top1());
        assertThat(b.loss()).isCloseTo(a.loss(), within(1e-4));
      }
    }
  }
}
