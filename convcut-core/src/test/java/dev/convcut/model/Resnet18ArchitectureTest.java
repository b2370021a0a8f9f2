package dev.convcut.model;

class Resnet18ArchitectureTest extends ZooArchitectureContract {
  @Override
  protected ZooArchitecture architecture() {
    return Architectures.find("resnet18");
  }
}
