package dev.convcut.tensor;

import dev.convcut.tensor.linalg.LapackSvd;
import dev.convcut.tensor.linalg.Svd;

class LapackTruncationTest extends TruncationContract {
  @Override
  protected Svd svd() {
    return LapackSvd.DOUBLE;
  }
}
