package dev.convcut.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Raster validates its shape against its pixel array and indexes planes channel-row-column. */
class RasterTest {
  @Test
  void pixelsArePlanarChannelRowColumn() {
    Raster r = new Raster(3, 2, 2, new byte[] {0, 1, 2, 3, 10, 11, 12, (byte) 13, 20, 21, 22, (byte) 250});
    assertThat(r.get(1, 1, 0)).isEqualTo(12);
    assertThat(r.get(2, 1, 1)).isEqualTo(250);
  }

  @Test
  void wrongLengthNamesTheShape() {
    assertThatThrownBy(() -> new Raster(3, 2, 2, new byte[11])).hasMessageContaining("3x2x2").hasMessageContaining("got 11");
  }

  @Test
  void onlyOneOrThreeChannelsAndPositiveSizes() {
    assertThatThrownBy(() -> new Raster(2, 1, 1, new byte[2])).hasMessageContaining("channels must be 1 (L) or 3 (RGB)");
    assertThatThrownBy(() -> new Raster(1, 0, 1, new byte[0])).hasMessageContaining(">= 1");
  }
}
