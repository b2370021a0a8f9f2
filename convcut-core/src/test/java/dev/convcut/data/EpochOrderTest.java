package dev.convcut.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EpochOrderTest {

  @Test
  void eachEpochIsAPermutationThatDependsOnlyOnSeedAndEpoch() {
    EpochOrder order = new EpochOrder(1000, 42);
    int[] e3 = order.forEpoch(3);
    assertThat(Arrays.stream(e3.clone()).sorted().toArray()).isEqualTo(java.util.stream.IntStream.range(0, 1000).toArray());
    assertThat(new EpochOrder(1000, 42).forEpoch(3)).isEqualTo(e3);
    assertThat(order.forEpoch(4)).isNotEqualTo(e3);
    assertThat(new EpochOrder(1000, 43).forEpoch(3)).isNotEqualTo(e3);
  }

  @Test
  void shufflesRatherThanKeepingTheOrder() {
    int[] e0 = new EpochOrder(1000, 1).forEpoch(0);
    long inPlace = java.util.stream.IntStream.range(0, 1000).filter(i -> e0[i] == i).count();
    assertThat(inPlace).isLessThan(20);
  }

  @Test
  void countsBatchesWithOrWithoutTheShortLastOne() {
    EpochOrder order = new EpochOrder(1000, 1);
    assertThat(order.batches(128, false)).isEqualTo(8);
    assertThat(order.batches(128, true)).isEqualTo(7);
    assertThat(order.batches(100, true)).isEqualTo(10);
  }

  @Test
  void refusesAnEmptySetANegativeEpochAndAZeroBatch() {
    assertThatThrownBy(() -> new EpochOrder(0, 1)).hasMessage("an epoch needs at least one image, got 0");
    assertThatThrownBy(() -> new EpochOrder(5, 1).forEpoch(-1)).hasMessage("epoch must be 0 or more, got -1");
    assertThatThrownBy(() -> new EpochOrder(5, 1).batches(0, false)).hasMessage("batch size must be 1 or more, got 0");
  }
}
