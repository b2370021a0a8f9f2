package dev.convcut.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.UsageException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerSelectionTest {
  static final List<String> LAYERS = List.of("conv1", "layer1.0.conv1", "layer1.0.conv2", "layer3.0.conv1", "layer3.1.conv2", "fc");

  @Test
  void globsMatchAcrossDotsAndKeepTheNetworksOrder() {
    assertThat(LayerSelection.match("layer3.*", LAYERS, "layers")).containsExactly("layer3.0.conv1", "layer3.1.conv2");
    assertThat(LayerSelection.match("*conv1", LAYERS, "layers")).containsExactly("conv1", "layer1.0.conv1", "layer3.0.conv1");
    assertThat(LayerSelection.match("layer?.0.conv2", LAYERS, "layers")).containsExactly("layer1.0.conv2");
    assertThat(LayerSelection.resolve(List.of("fc", "conv1", "fc"), LAYERS, "layers")).containsExactly("conv1", "fc");
  }

  @Test
  void aNameOrPatternThatMatchesNothingListsTheValidLayers() {
    assertThatThrownBy(() -> LayerSelection.match("layer9.*", LAYERS, "layers")).isInstanceOf(UsageException.class)
        .hasMessage("layer pattern 'layer9.*' matches no layer; valid layers: conv1, layer1.0.conv1, layer1.0.conv2, "
            + "layer3.0.conv1, layer3.1.conv2, fc");
    assertThatThrownBy(() -> LayerSelection.match("layer3", LAYERS, "layers")).hasMessageStartingWith("no layer 'layer3'; valid");
  }
}
