package dev.convcut.model;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Creates a network's layers while it is being built: parameters from one {@link Init}, each
 * convolution in the form the architecture asks for (dense unless named in {@code forms}), and
 * the initialization scheme of the architecture's reference (PyTorch's defaults, or
 * torchvision's kaiming-normal for its ResNets).
 */
public final class LayerFactory {
  private final Init init;
  private final Map<String, LayerForm> forms;
  private final boolean torchvisionInit;
  private final Set<String> used = new HashSet<>();

  public LayerFactory(Init init, Map<String, LayerForm> forms, boolean torchvisionInit) {
    this.init = init;
    this.forms = Map.copyOf(forms);
    this.torchvisionInit = torchvisionInit;
  }

  public Conv2d conv(String name, ConvSpec spec, int inH, int inW) {
    LayerForm form = forms.get(name);
    if (form != null) {
      used.add(name);
    }
    return new Conv2d(name, spec, inH, inW, form, init, torchvisionInit);
  }

  public Linear linear(String name, int in, int out) {
    return new Linear(name, in, out, init);
  }

  public BatchNorm2d batchNorm(String name, int channels) {
    return new BatchNorm2d(name, channels, init);
  }

  /** A batch norm with its own ε (imported graphs). */
  public BatchNorm2d batchNorm(String name, int channels, double eps) {
    return new BatchNorm2d(name, channels, eps, init);
  }

  /** Fails when a layer form names a convolution the network does not have. */
  public void checkAllFormsUsed() {
    for (String name : forms.keySet()) {
      if (!used.contains(name)) {
        throw new IllegalArgumentException("layer form given for '" + name + "', which is not a convolution of this network");
      }
    }
  }
}
