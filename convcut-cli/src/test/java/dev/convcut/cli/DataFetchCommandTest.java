package dev.convcut.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.convcut.data.DataFixtures;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFetchCommandTest {
  @TempDir Path root;

  @Test
  void aDatasetAlreadyPresentIsNotDownloadedAgain() {
    Path mnist = DataFixtures.idxFolder(root.resolve("env/mnist"), 2, 2, true);
    try (IsolatedData ignored = new IsolatedData(root.resolve("home"), root.resolve("env"), "http://127.0.0.1:9/")) {
      MainTest.Result r = MainTest.run("data", "fetch", "--dataset", "mnist");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).isEqualTo(mnist + "\n");
      assertThat(r.err()).contains("mnist is already at " + mnist + " (found by $CONVCUT_DATA); nothing downloaded");
    }
  }

  @Test
  void aChecksumMismatchFailsWithExitOneAndCachesNothing() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] body = DataFixtures.gzip(DataFixtures.idxImages(2, 28, 28));
    server.createContext("/", exchange -> {
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    String mirror = "http://127.0.0.1:" + server.getAddress().getPort() + "/m";
    try (IsolatedData ignored = new IsolatedData(root.resolve("home"), null, mirror)) {
      MainTest.Result r = MainTest.run("data", "fetch", "--dataset", "mnist");
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err()).startsWith("convcut data fetch: " + mirror + "/mnist/train-images-idx3-ubyte.gz: MD5 checksum mismatch: "
          + "the download has ").contains("the published checksum is f68b3c2dcbeaaa9fbdd348bbdeb94873");
      assertThat(root.resolve("home/.convcut/datasets")).isEmptyDirectory();
    } finally {
      server.stop(0);
    }
  }

  @Test
  void offlineItFailsListingTheOtherWaysToProvideTheData() {
    try (IsolatedData ignored = new IsolatedData(root.resolve("home"), null, DataFixtures.closedPort().toString())) {
      MainTest.Result r = MainTest.run("data", "fetch", "--dataset", "cifar100");
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err()).startsWith("convcut data fetch: CIFAR-100 (cifar100) was not found, and downloading it failed: could not reach ")
          .contains("--data-dir DIR").contains("the cache       put the files in " + root.resolve("home/.convcut/datasets/cifar100"));
      assertThat(root.resolve("home/.convcut/datasets")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
    }
  }

  @Test
  void anUnknownDatasetIsAUsageError() {
    MainTest.Result r = MainTest.run("data", "fetch", "--dataset", "imagenet");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("convcut data fetch: unknown dataset 'imagenet'");
  }
}
