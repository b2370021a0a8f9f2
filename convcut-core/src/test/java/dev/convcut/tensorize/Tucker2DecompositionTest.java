package dev.convcut.tensorize;

class Tucker2DecompositionTest extends DecompositionContract {
  @Override
  protected Decomposition decomposition() {
    return Decompositions.TUCKER2;
  }
}
