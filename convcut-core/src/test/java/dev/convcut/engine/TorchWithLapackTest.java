package dev.convcut.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.convcut.tensor.linalg.LapackSvd;
import dev.convcut.tensor.linalg.Matrix;
import dev.convcut.tensor.linalg.ThinSvd;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * libtorch (through DJL) and the bundled OpenBLAS live in one process for the study: both load,
 * neither disturbs the other's results, in either order.
 */
class TorchWithLapackTest {
  @Test
  void anSvdAndATorchProductAgreeOnTheSameMatrixInOneProcess() {
    Random rng = new Random(3);
    double[] d = new double[60 * 40];
    float[] f = new float[d.length];
    for (int k = 0; k < d.length; k++) {
      d[k] = rng.nextGaussian();
      f[k] = (float) d[k];
    }
    Matrix m = Matrix.of(60, 40, d);
    double before = LapackSvd.DOUBLE.values(m)[0];
    Torch.configure(1);
    double largestEigen;
    try (NDManager nd = NDManager.newBaseManager()) {
      NDArray x = nd.create(f, new Shape(60, 40));
      NDArray gram = x.transpose().matMul(x);
      // Power iteration on MᵀM in libtorch: its top eigenvalue is s₁².
      NDArray v = nd.ones(new Shape(40, 1));
      for (int it = 0; it < 200; it++) {
        NDArray w = gram.matMul(v);
        v = w.div(w.norm());
      }
      largestEigen = v.transpose().matMul(gram).matMul(v).getFloat();
    }
    ThinSvd after = LapackSvd.DOUBLE.thin(m);
    assertThat(after.value(0)).isCloseTo(before, within(1e-12 * before));
    assertThat(after.reconstruct().distance(m) / m.frobeniusNorm()).isLessThan(1e-12);
    assertThat(Math.sqrt(largestEigen)).isCloseTo(before, within(1e-4 * before));
  }
}
