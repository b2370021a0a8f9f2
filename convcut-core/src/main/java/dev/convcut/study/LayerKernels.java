package dev.convcut.study;

import dev.convcut.model.LayerKind;
import dev.convcut.model.Network;
import dev.convcut.model.WeightLayer;
import dev.convcut.tensor.Kernel;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bridge between a network's weights and the tensor module: a layer's weight as a {@link
 * Kernel} (in double precision) and back, and a layer's depth, its 0-based position among the
 * network's conv and linear layers in forward order, as the study's files number layers.
 */
public final class LayerKernels {
  private LayerKernels() {}

  /** The weight of layer {@code name} as a kernel of its PyTorch shape. */
  public static Kernel kernel(Network net, String name) {
    WeightLayer layer = net.layer(name);
    int[] shape = Arrays.stream(layer.weight().shape()).mapToInt(Math::toIntExact).toArray();
    return Kernel.of(net.weight(name), shape);
  }

  /** The kernels of {@code names}, in the order given. */
  public static Map<String, Kernel> kernels(Network net, List<String> names) {
    Map<String, Kernel> map = new LinkedHashMap<>();
    for (String n : names) {
      map.put(n, kernel(net, n));
    }
    return map;
  }

  /** The dense conv and linear layers of {@code net} (factorized slots have no single weight), in forward order. */
  public static List<String> denseLayers(Network net) {
    return net.layerNames().stream().filter(n -> !net.forms().containsKey(n)).toList();
  }

  /** The dense convolution layers, in forward order: the sweep's default. */
  public static List<String> convLayers(Network net) {
    return denseLayers(net).stream().filter(n -> net.layer(n).kind() == LayerKind.CONV).toList();
  }

  /** Writes {@code kernel} into layer {@code name} in place (rounded to float). */
  public static void write(Network net, String name, Kernel kernel) {
    net.setWeight(name, kernel.toFloatArray());
  }

  /** 0-based position of {@code name} among the network's conv and linear layers. */
  public static int depth(Network net, String name) {
    int d = net.layerNames().indexOf(name);
    if (d < 0) {
      net.layer(name);
    }
    return d;
  }
}
