package dev.convcut.model;

class Cnn4ArchitectureTest extends ZooArchitectureContract {
  @Override
  protected ZooArchitecture architecture() {
    return Architectures.find("cnn4");
  }
}
