package dev.convcut.model;

class Resnet20ArchitectureTest extends ZooArchitectureContract {
  @Override
  protected ZooArchitecture architecture() {
    return Architectures.find("resnet20");
  }
}
