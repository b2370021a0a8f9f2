package dev.convcut.data.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.ConvcutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderListingTest {
  @Test
  void classesAndSamplesAreTorchvisionsImageFolderOrder(@TempDir Path dir) throws Exception {
    Path root = TorchvisionFolder.write("layout", dir.resolve("layout"));
    TorchvisionFolder.View torch = TorchvisionFolder.view(root, 0, 4, 3, new double[] {0, 0, 0}, new double[] {1, 1, 1}, dir.resolve("peer"));

    FolderListing listing = FolderListing.of(root, false);

    assertThat(listing.classes()).containsExactlyElementsOf(torch.classes());
    assertThat(listing.samples()).extracting(s -> s.file().toString()).containsExactlyElementsOf(torch.samplePaths());
    assertThat(listing.samples()).extracting(Sample::label).containsExactlyElementsOf(torch.sampleLabels());
    // Upper-case extensions, hidden files and nested folders are images; .txt and .gif are not.
    assertThat(listing.samples()).hasSize(5 * 9);
  }

  @Test
  void codePointOrderIsPythonsStringOrder() {
    // U+FF21 (fullwidth A) is one UTF-16 unit above the surrogate pair of U+1F600; Python orders by code point.
    List<String> names = new java.util.ArrayList<>(List.of("\uFF21", "\uD83D\uDE00", "a", "B", "a b", "a/b"));
    names.sort(FolderListing.CODE_POINTS);
    assertThat(names).containsExactly("B", "a", "a b", "a/b", "\uFF21", "\uD83D\uDE00");
  }

  @Test
  void aFolderWithoutClassFoldersIsRefusedByName(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.png"), "x");
    assertThatThrownBy(() -> FolderListing.of(dir, false)).isInstanceOf(ConvcutException.class)
        .hasMessageContaining(dir + " has no class folders");
    assertThatThrownBy(() -> FolderListing.of(dir.resolve("nowhere"), false)).hasMessageContaining("nowhere: no such folder");
  }

  @Test
  void anEmptyClassFolderIsRefusedNamingTheClass(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("cat"));
    Files.createDirectories(dir.resolve("dog"));
    Files.writeString(dir.resolve("cat/1.png"), "x");
    Files.writeString(dir.resolve("dog/readme.txt"), "x");
    assertThatThrownBy(() -> FolderListing.of(dir, false)).hasMessageContaining("no image in the class folder dog");
    assertThat(FolderListing.of(dir, true).samples()).hasSize(1);
  }
}
