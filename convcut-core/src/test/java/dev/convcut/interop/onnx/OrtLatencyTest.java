package dev.convcut.interop.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.InvalidRequestException;
import dev.convcut.WithEngine;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import dev.convcut.tensor.Cut;
import dev.convcut.tensorize.Compressor;
import dev.convcut.tensorize.DenseConv;
import dev.convcut.tensorize.Factorizer;
import dev.convcut.tensorize.InferenceRuntime;
import dev.convcut.tensorize.Latency;
import dev.convcut.tensorize.Method;
import dev.convcut.tensorize.RankRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrtLatencyTest extends WithEngine {
  @Test
  void timesTheDenseAndTheCompressedModelInOnnxRuntime() {
    ModelSpec spec = new ModelSpec("cnn4", 1, 12, 10);
    try (Network dense = ModelZoo.build(spec, manager, 1);
        Network c = Compressor.apply(dense, List.of(Factorizer.standard().factorize(DenseConv.of(dense, "features.8"),
            Method.svd(Cut.OHW_I), RankRequest.ranks(4))), manager)) {
      Latency.Pair p = OrtLatency.model(dense, c, new Latency.Settings(2, 1, 3), 1);
      assertThat(p.denseMs()).isPositive();
      assertThat(p.factorizedMs()).isPositive();
      assertThat(p.denseCpuMs()).isPositive();
      assertThat(p.speedup()).isFinite().isPositive();
    }
  }

  @Test
  void timesOneLayersFactorChainAgainstItsDenseConvolutionInOnnxRuntime() {
    ModelSpec spec = new ModelSpec("cnn4", 1, 12, 10);
    try (Network dense = ModelZoo.build(spec, manager, 1)) {
      DenseConv layer = DenseConv.of(dense, "features.6");
      var form = Factorizer.standard().factorize(layer, Method.parse("tucker2"), RankRequest.ranks(4, 4)).form();
      Latency.Pair p = OrtLatency.chain(manager, layer, form, new Latency.Settings(2, 1, 3), 1);
      assertThat(p.denseMs()).isPositive();
      assertThat(p.factorizedMs()).isPositive();
      assertThat(p.speedup()).isFinite().isPositive();
    }
  }

  @Test
  void theRuntimesAreFoundByNameLibtorchFirst() {
    assertThat(InferenceRuntime.all()).extracting(InferenceRuntime::name).containsExactly("libtorch", "onnxruntime");
    assertThat(InferenceRuntime.named("onnxruntime")).isInstanceOf(OrtRuntime.class);
    assertThat(InferenceRuntime.named("onnxruntime").version()).matches("1\\.\\d+\\.\\d+");
    assertThatThrownBy(() -> InferenceRuntime.named("tensorrt")).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("unknown runtime 'tensorrt'; known: libtorch, onnxruntime");
  }
}
