package dev.convcut.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassNamesTest {

  @Test
  void theOfficialListsHaveTheOfficialSizesAndNoDuplicates() {
    assertThat(ClassNames.CIFAR10).hasSize(10).doesNotHaveDuplicates();
    assertThat(ClassNames.CIFAR100_FINE).hasSize(100).doesNotHaveDuplicates().isSorted();
    assertThat(ClassNames.CIFAR100_COARSE).hasSize(20).doesNotHaveDuplicates().isSorted();
    assertThat(ClassNames.FASHION_MNIST).hasSize(10).doesNotHaveDuplicates();
    assertThat(ClassNames.MNIST).hasSize(10).doesNotHaveDuplicates();
  }
}
