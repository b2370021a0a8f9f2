package dev.convcut.tensorize;

class CpAlsDecompositionTest extends DecompositionContract {
  @Override
  protected Decomposition decomposition() {
    return Decompositions.CP;
  }
}
