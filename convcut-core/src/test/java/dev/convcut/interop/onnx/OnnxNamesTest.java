package dev.convcut.interop.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OnnxNamesTest {
  @Test
  void scopePathsOfTorchExportsBecomeModuleNames() {
    assertThat(OnnxNames.scopePath("/layer1/layer1.0/conv1/Conv")).isEqualTo("layer1.0.conv1");
    assertThat(OnnxNames.scopePath("/layer2/layer2.0/downsample/downsample.0/Conv")).isEqualTo("layer2.0.downsample.0");
    assertThat(OnnxNames.scopePath("/features/features.0/Conv")).isEqualTo("features.0");
    assertThat(OnnxNames.scopePath("/fc/Gemm")).isEqualTo("fc");
    assertThat(OnnxNames.scopePath("/Conv")).isNull();
    assertThat(OnnxNames.scopePath("Conv_12")).isNull();
  }

  @Test
  void weightNamesWinThenScopesThenNodeNamesAndRepeatsGetANumber() {
    OnnxNames names = new OnnxNames();
    assertThat(names.layer("/a/Conv", "Conv", "layer1.0.conv1.weight")).isEqualTo("layer1.0.conv1");
    assertThat(names.layer("/layer1/layer1.0/conv2/Conv", "Conv", "onnx::Conv_193")).isEqualTo("layer1.0.conv2");
    assertThat(names.layer("Conv_7", "Conv", "W7")).isEqualTo("Conv_7");
    assertThat(names.layer("", "Gemm", null)).isEqualTo("gemm_0");
    assertThat(names.layer("Conv_7", "Conv", null)).isEqualTo("Conv_7_1");
  }
}
