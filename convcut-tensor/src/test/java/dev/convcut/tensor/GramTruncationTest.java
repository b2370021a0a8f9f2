package dev.convcut.tensor;

import dev.convcut.tensor.linalg.GramSvd;
import dev.convcut.tensor.linalg.Svd;

class GramTruncationTest extends TruncationContract {
  @Override
  protected Svd svd() {
    return new GramSvd();
  }
}
