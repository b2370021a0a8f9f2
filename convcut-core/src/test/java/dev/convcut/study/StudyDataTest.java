package dev.convcut.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.Seeds;
import dev.convcut.checkpoint.Architecture;
import dev.convcut.checkpoint.Preprocessing;
import dev.convcut.data.DataLocations;
import dev.convcut.data.DataOptions;
import dev.convcut.data.Datasets;
import dev.convcut.data.ImageSet;
import dev.convcut.data.LabelKind;
import dev.convcut.data.Split;
import dev.convcut.data.folder.FolderOptions;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.Stem;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyDataTest {
  @Test
  void anImageFolderSubsetDecodesOnlyTheDrawnImagesAndEqualsTheDrawFromTheWholeSplit(@TempDir Path dir) throws Exception {
    for (String split : new String[] {"train", "val"}) {
      for (String cls : new String[] {"cat", "dog"}) {
        for (int i = 0; i < 15; i++) {
          BufferedImage image = new BufferedImage(30 + i, 28, BufferedImage.TYPE_INT_RGB);
          for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 30 + i; x++) {
              image.setRGB(x, y, (i * 17 + x * 3 + y + (cls.equals("dog") ? 90 : 0)) & 0xffffff);
            }
          }
          Path file = dir.resolve("f").resolve(split).resolve(cls).resolve(i + ".png");
          Files.createDirectories(file.getParent());
          ImageIO.write(image, "png", file.toFile());
        }
      }
    }
    Architecture arch = Architecture.of(new ModelSpec("cnn4", 3, 28, 2, Stem.CIFAR), Map.of(),
        new Preprocessing(List.of(0.5, 0.5, 0.5), List.of(0.25, 0.25, 0.25), 0), "imagefolder", List.of("cat", "dog"));
    DataOptions options = new DataOptions(dir.resolve("f"), LabelKind.FINE, false,
        new DataLocations(null, dir.resolve("home/datasets"), List.of(), null), new FolderOptions(0, 28, 3, 0.2, 0, false, true, 1));

    EvalSet lazy = StudyData.evalSet(arch, "imagefolder", options, 7, 3, "--eval-samples", null);
    ImageSet whole = Datasets.load("imagefolder", Split.TEST, arch.dataOptions(options));
    EvalSet inMemory = EvalSet.of(whole, arch.preprocessing().normalization(), 7, new Seeds(3).forPurpose("eval-subset"));

    assertThat(lazy.subset().sha256()).isEqualTo(inMemory.subset().sha256());
    assertThat(lazy.images().pixels()).isEqualTo(inMemory.images().pixels());
    assertThat(lazy.images().labels()).isEqualTo(inMemory.images().labels());
    assertThat(lazy.size()).isEqualTo(7);
    assertThatThrownBy(() -> StudyData.evalSet(arch, "imagefolder", options, 31, 3, "--eval-samples", null))
        .hasMessageContaining("--eval-samples 31 exceeds the 30 images of imagefolder/test");
  }
}
