package dev.convcut.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.convcut.ConvcutException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a loopback HTTP server serving generated files in the official formats. */
class DatasetDownloaderTest {
  @TempDir Path root;
  private HttpServer server;
  private final Map<String, byte[]> served = new HashMap<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = served.get(exchange.getRequestURI().getPath());
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
      } else {
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private DataLocations mirrored() {
    URI mirror = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mirror/");
    return new DataLocations(null, root.resolve("cache"), List.of(), mirror);
  }

  static String md5(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
  }

  private KnownDataset servedCifar10() throws Exception {
    byte[] archive = DataFixtures.gzip(DataFixtures.tar("cifar-10-batches-bin", DataFixtures.cifar10Members(3)));
    served.put("/mirror/cifar10/cifar-10-binary.tar.gz", archive);
    return new KnownDataset(Datasets.spec("cifar10"), new ChecksumOverride(CifarFormat.cifar10(), md5(archive)), null);
  }

  private List<Path> cacheEntries() throws IOException {
    if (!Files.exists(root.resolve("cache"))) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(root.resolve("cache"))) {
      return s.toList();
    }
  }

  @Test
  void downloadsVerifiesUnpacksAndMovesTheDatasetIntoTheCache() throws Exception {
    Path folder = DatasetDownloader.fetch(servedCifar10(), mirrored(), false);
    assertThat(folder).isEqualTo(root.resolve("cache/cifar10"));
    assertThat(cacheEntries()).containsExactly(folder);
    assertThat(folder.resolve("data_batch_5.bin")).exists();
    assertThat(folder.resolve("cifar-10-binary.tar.gz")).doesNotExist();
    assertThat(CifarFormat.cifar10().read(Datasets.spec("cifar10"), folder, Split.TRAIN, LabelKind.FINE).size()).isEqualTo(15);
  }

  @Test
  void aChecksumMismatchLeavesNoCacheEntry() throws Exception {
    KnownDataset dataset = servedCifar10();
    served.get("/mirror/cifar10/cifar-10-binary.tar.gz")[100] ^= 1;
    assertThatThrownBy(() -> DatasetDownloader.fetch(dataset, mirrored(), false))
        .isInstanceOf(ConvcutException.class)
        .hasMessageContaining("/mirror/cifar10/cifar-10-binary.tar.gz: MD5 checksum mismatch: the download has ")
        .hasMessageEndingWith("; the download was discarded and nothing was cached");
    assertThat(cacheEntries()).isEmpty();
  }

  @Test
  void aDownloadThatIsNotAValidDatasetLeavesNoCacheEntry() throws Exception {
    byte[] idx = DataFixtures.gzip(DataFixtures.idxImages(2, 28, 28));
    byte[] labels = DataFixtures.gzip(DataFixtures.idxLabels(3, 10));
    for (String stem : List.of("train-images-idx3-ubyte", "t10k-images-idx3-ubyte")) {
      served.put("/mirror/mnist/" + stem + ".gz", idx);
    }
    for (String stem : List.of("train-labels-idx1-ubyte", "t10k-labels-idx1-ubyte")) {
      served.put("/mirror/mnist/" + stem + ".gz", labels);
    }
    KnownDataset mnist = new KnownDataset(Datasets.spec("mnist"),
        new IdxFormat("http://unused/", md5(idx), md5(labels), md5(idx), md5(labels)), null);
    assertThatThrownBy(() -> DatasetDownloader.fetch(mnist, mirrored(), false))
        .hasMessageContaining("holds 3 labels but").hasMessageContaining("holds 2 images");
    assertThat(cacheEntries()).isEmpty();
  }

  @Test
  void anExistingCopyIsKeptUnlessReplacementIsAsked() throws Exception {
    KnownDataset dataset = servedCifar10();
    DatasetDownloader.fetch(dataset, mirrored(), false);
    assertThatThrownBy(() -> DatasetDownloader.fetch(dataset, mirrored(), false)).hasMessageContaining("already exists");
    assertThat(DatasetDownloader.fetch(dataset, mirrored(), true)).isEqualTo(root.resolve("cache/cifar10"));
  }

  @Test
  void aMissingFileOnTheServerIsUnreachable() {
    KnownDataset cifar = new KnownDataset(Datasets.spec("cifar10"), CifarFormat.cifar10(), null);
    assertThatThrownBy(() -> DatasetDownloader.fetch(cifar, mirrored(), false))
        .isInstanceOf(DatasetDownloader.Unreachable.class)
        .hasMessageEndingWith("/mirror/cifar10/cifar-10-binary.tar.gz answered HTTP 404");
  }

  @Test
  void aServerThatIsNotThereIsUnreachable() throws Exception {
    URI closed = DataFixtures.closedPort();
    DataLocations nowhere = new DataLocations(null, root.resolve("cache"), List.of(), closed);
    KnownDataset cifar = new KnownDataset(Datasets.spec("cifar10"), CifarFormat.cifar10(), null);
    assertThatThrownBy(() -> DatasetDownloader.fetch(cifar, nowhere, false))
        .isInstanceOf(DatasetDownloader.Unreachable.class)
        .hasMessageStartingWith("could not reach " + closed + "cifar10/cifar-10-binary.tar.gz");
    assertThat(cacheEntries()).isEmpty();
  }

  /** The real format with the checksum of the generated archive in place of the published one. */
  private record ChecksumOverride(DatasetFormat real, String md5) implements DatasetFormat {
    @Override
    public List<String> fileNames() {
      return real.fileNames();
    }

    @Override
    public boolean recognizes(Path folder) {
      return real.recognizes(folder);
    }

    @Override
    public ImageSet read(DatasetSpec spec, Path source, Split split, LabelKind labels) {
      return real.read(spec, source, split, labels);
    }

    @Override
    public List<Path> files(Path source) {
      return real.files(source);
    }

    @Override
    public String officialBaseUrl() {
      return real.officialBaseUrl();
    }

    @Override
    public List<RemoteFile> downloads() {
      return real.downloads().stream().map(f -> new RemoteFile(f.name(), md5)).toList();
    }

    @Override
    public void unpack(Path folder) {
      real.unpack(folder);
    }
  }
}
