package dev.convcut.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.convcut.InvalidRequestException;
import dev.convcut.engine.Torch;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
    assertThatThrownBy(() -> LayerSelection.match("layer9.*", LAYERS, "layers")).isInstanceOf(InvalidRequestException.class)
        .hasMessage("layer pattern 'layer9.*' matches no layer; valid layers: conv1, layer1.0.conv1, layer1.0.conv2, "
            + "layer3.0.conv1, layer3.1.conv2, fc");
    assertThatThrownBy(() -> LayerSelection.match("layer3", LAYERS, "layers")).hasMessageStartingWith("no layer 'layer3'; valid");
  }

  static NDManager manager;
  static Network net;

  @BeforeAll
  static void start() {
    Torch.configure(2);
    manager = NDManager.newBaseManager();
    net = ModelZoo.build(new ModelSpec("resnet20", 3, 8, 10), manager, 1);
  }

  @AfterAll
  static void stop() {
    net.close();
    manager.close();
  }

  @Test
  void noPatternMeansEveryConvolutionInForwardOrder() {
    List<String> all = LayerSelection.convolutions(net, List.of());
    assertThat(all).hasSize(21).startsWith("conv1", "layer1.0.conv1").doesNotContain("fc");
  }

  @Test
  void globsAndNamesSelectInForwardOrderWithoutRepeats() {
    assertThat(LayerSelection.convolutions(net, List.of("layer3.*.conv2", "layer1.0.conv1", "layer3.1.conv2")))
        .containsExactly("layer1.0.conv1", "layer3.0.conv2", "layer3.1.conv2", "layer3.2.conv2");
    assertThat(LayerSelection.convolutions(net, List.of("layer?.0.downsample.0"))).containsExactly("layer2.0.downsample.0",
        "layer3.0.downsample.0");
  }

  @Test
  void aPatternMatchingNothingOrOnlyLinearLayersIsRefusedListingTheConvolutions() {
    assertThatThrownBy(() -> LayerSelection.convolutions(net, List.of("layer4.*"))).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("layer pattern 'layer4.*' matches no layer of resnet20").hasMessageContaining("layer3.2.conv2");
    assertThatThrownBy(() -> LayerSelection.convolutions(net, List.of("fc"))).hasMessageContaining("only linear layers");
  }
}
