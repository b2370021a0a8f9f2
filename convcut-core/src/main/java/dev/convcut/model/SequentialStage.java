package dev.convcut.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/** A stage that applies its modules one after another. */
public final class SequentialStage implements Stage {
  private final String name;
  private final List<Module> modules;

  public SequentialStage(String name, List<Module> modules) {
    this.name = name;
    this.modules = List.copyOf(modules);
  }

  @Override
  public String name() {
    return name;
  }

  /** The modules in the order they run. */
  public List<Module> modules() {
    return modules;
  }

  @Override
  public NDArray forward(NDArray x, boolean training) {
    return Module.chain(modules, x, training);
  }

  @Override
  public Stage forInference(NDManager scope) {
    return new SequentialStage(name, Stage.foldBatchNorms(modules, scope));
  }

  @Override
  public List<Param> params() {
    List<Param> out = new ArrayList<>();
    modules.forEach(m -> out.addAll(m.params()));
    return out;
  }

  @Override
  public List<WeightLayer> weightLayers() {
    List<WeightLayer> out = new ArrayList<>();
    modules.forEach(m -> out.addAll(m.weightLayers()));
    return out;
  }
}
