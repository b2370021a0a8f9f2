package dev.convcut.tensorize;

class CutSvdDecompositionTest extends DecompositionContract {
  @Override
  protected Decomposition decomposition() {
    return Decompositions.SVD;
  }
}
