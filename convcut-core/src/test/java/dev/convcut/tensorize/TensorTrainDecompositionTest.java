package dev.convcut.tensorize;

class TensorTrainDecompositionTest extends DecompositionContract {
  @Override
  protected Decomposition decomposition() {
    return Decompositions.TT;
  }
}
