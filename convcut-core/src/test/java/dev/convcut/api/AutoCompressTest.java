package dev.convcut.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.convcut.data.DataOptions;
import dev.convcut.model.LayerInfo;
import dev.convcut.model.LayerKind;
import dev.convcut.study.VariantScoring;
import dev.convcut.tensorize.Method;
import dev.convcut.tensorize.select.Candidate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoCompressTest {
  @TempDir static Path root;
  static Path checkpoint;
  static DataOptions data;

  @BeforeAll
  static void checkpointAndData() {
    checkpoint = ApiFixtures.checkpoint(root.resolve("cnn4"), 5);
    data = ApiFixtures.data(root, 60, 60);
  }

  private static long convParams(Model m) {
    return m.layers().stream().filter(l -> l.kind() == LayerKind.CONV).mapToLong(LayerInfo::params).sum();
  }

  @Test
  void aParameterTargetIsMetByTheNewModelAndTheDenseOneIsLeftAsItWas() {
    try (Model model = Convcut.load(checkpoint)) {
      EvalData train = EvalData.train(model, "fashion-mnist", data, 40, 1).batchSize(16);
      assertThat(train.size()).isEqualTo(40);
      float[] before = model.network().weight("features.6");
      List<String> heard = new ArrayList<>();
      try (CompressResult r = model.compress(CompressOptions.builder().setTargetParams(0.4).setData(train)
          .optMethods(Method.TUCKER2, Method.parse("svd:o|ihw")).optKeeps(0.1, 0.5).optSpeedGate(0, null)
          .optListener((label, done, total) -> heard.add(label)).build())) {
        assertThat(r.chosen()).isNotEmpty();
        assertThat(r.fraction()).isLessThanOrEqualTo(0.4);
        assertThat(convParams(r.model())).isEqualTo(r.plan().selection().cost());
        assertThat((double) convParams(r.model()) / convParams(model)).isCloseTo(r.fraction(), within(1e-12));
        r.chosen().forEach((layer, c) -> assertThat(r.model().architecture().layers()).containsKey(layer));
        assertThat(r.denseTop1()).isEqualTo(model.evaluate(train).top1());
        // The plan's combined figure runs the chosen chains' dense kernels; the model runs the chains.
        assertThat(model.evaluate(train).top1()).isEqualTo(r.denseTop1());
        assertThat(r.model().evaluate(train).top1()).isCloseTo(r.compressedTop1(), within(2.0 / 40));
        assertThat(r.plan().speedups()).isEmpty();
      }
      assertThat(heard).contains("features.2", "features.6", "features.8");
      assertThat(model.network().weight("features.6")).containsExactly(before);
    }
  }

  @Test
  void theCallersEvaluatorChoosesWhatTheSameImagesChooseAndCancellingLeavesTheModelAsItWas() {
    try (Model model = Convcut.load(checkpoint)) {
      EvalData test = EvalData.test(model, "fashion-mnist", data, 40, 2).batchSize(16);
      CompressOptions.Builder base = CompressOptions.builder().setTargetParams(0.5).optLayers("features.6", "features.8")
          .optMethods(Method.TUCKER2).optKeeps(0.1, 0.5).optSpeedGate(0, null);
      Map<String, String> byImages;
      try (CompressResult r = model.compress(base.setData(test).build())) {
        byImages = labels(r.chosen());
      }
      CompressOptions.Builder callers = CompressOptions.builder().setTargetParams(0.5).optLayers("features.6", "features.8")
          .optMethods(Method.TUCKER2).optKeeps(0.1, 0.5).optSpeedGate(0, null);
      try (CompressResult r = model.compress(callers.setEvaluator(net -> VariantScoring.full(net, test.set(), 16, null).top1())
          .build())) {
        assertThat(labels(r.chosen())).isEqualTo(byImages).isNotEmpty();
        assertThat(r.plan().source()).isEqualTo("the caller's evaluator");
      }
      float[] before = model.network().weight("features.8");
      assertThatThrownBy(() -> model.compress(CompressOptions.builder().setMaxDrop(1).setEvaluator(net -> 0.5)
          .optLayers("features.8").optMethods(Method.parse("svd:o|ihw")).optKeeps(0.5).optSpeedGate(0, null).optListener((label, done, total) -> {
            throw new CancellationException("stop");
          }).build())).isInstanceOf(CancellationException.class);
      assertThat(model.network().weight("features.8")).containsExactly(before);
    }
  }

  @Test
  void theSpeedGateTimesCandidatesInTheRuntimeItIsGiven() {
    try (Model model = Convcut.load(checkpoint)) {
      EvalData test = EvalData.test(model, "fashion-mnist", data, 20, 2);
      try (CompressResult r = model.compress(CompressOptions.builder().setTargetParams(0.9).setData(test).optLayers("features.8")
          .optMethods(Method.TUCKER2).optKeeps(0.5).optSpeedGate(0.01, "onnxruntime").optSpeedBatch(4).build())) {
        assertThat(r.plan().speedups()).isNotEmpty().allSatisfy((c, s) -> assertThat(s).isPositive());
        r.chosen().values().forEach(c -> assertThat(r.plan().speedup(c)).isGreaterThanOrEqualTo(0.01));
      }
      assertThatThrownBy(() -> CompressOptions.builder().optSpeedGate(1, "tensorrt")).hasMessageContaining("tensorrt")
          .hasMessageContaining("onnxruntime");
      assertThatThrownBy(() -> CompressOptions.builder().setTargetParams(0.5).setMaxDrop(1).setData(test).build())
          .hasMessageContaining("exactly one target");
    }
  }

  private static Map<String, String> labels(Map<String, Candidate> chosen) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    chosen.forEach((l, c) -> out.put(l, c.label()));
    return out;
  }
}
