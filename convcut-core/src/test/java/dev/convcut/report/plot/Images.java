package dev.convcut.report.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Decodes figures and checks what a person would see in them. */
final class Images {
  private Images() {}

  /** Decodes the PNG and checks it has the size the figure claims. */
  static BufferedImage decode(Figure f) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(f.png()));
      assertThat(image).as(f.fileName() + " decodes as PNG").isNotNull();
      assertThat(image.getWidth()).isEqualTo(f.width());
      assertThat(image.getHeight()).isEqualTo(f.height());
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many pixels have exactly this colour: a drawn series leaves many. */
  static int pixels(BufferedImage image, Color color) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == (color.getRGB() & 0xFFFFFF)) {
          n++;
        }
      }
    }
    return n;
  }
}
