package dev.convcut.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import dev.convcut.engine.Torch;
import org.junit.jupiter.api.Test;

class OpsTest {
  @Test
  void aStridedOneByOneConvolutionEqualsLibtorchsOwn() {
    Torch.configure(2);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.randomNormal(new Shape(2, 6, 7, 7));
      NDArray w = m.randomNormal(new Shape(4, 6, 1, 1));
      NDArray b = m.randomNormal(new Shape(4));
      ConvSpec spec = new ConvSpec(6, 4, 1, 1, 2, 3, 0, 0, 1, 1, 1, true);
      float[] ours = Ops.conv2d(x, w, b, spec).toFloatArray();
      float[] direct = JniUtils.convolution((PtNDArray) x, (PtNDArray) w, (PtNDArray) b, new Shape(2, 3), new Shape(0, 0),
          new Shape(1, 1), 1).toFloatArray();
      assertThat(ours).hasSameSizeAs(direct);
      for (int i = 0; i < ours.length; i++) {
        assertThat(ours[i]).isCloseTo(direct[i], within(1e-5f));
      }
    }
  }

  @Test
  void theResnet50ProjectionShapeThatCrashesOnednnTrainsWithTheRightGradient() {
    // 512 -> 1024 channels, 1x1 stride 2 on 16x16: libtorch's own backward dies with SIGFPE here.
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.randomNormal(new Shape(32, 512, 16, 16));
      NDArray w = m.randomNormal(new Shape(1024, 512, 1, 1));
      x.setRequiresGradient(true);
      try (GradientCollector gc = Torch.engine().newGradientCollector()) {
        gc.backward(Ops.conv2d(x, w, null, ConvSpec.square(512, 1024, 1, 2, 0, false)).sum());
      }
      NDArray g = x.getGradient();
      float expected = w.get(":, 3, 0, 0").sum().getFloat();
      assertThat(g.get("0, 3, 2, 4").getFloat()).isCloseTo(expected, within(1e-2f * Math.abs(expected) + 1e-3f));
      assertThat(g.get("0, 3, 1, 4").getFloat()).isZero();
    }
  }
}
