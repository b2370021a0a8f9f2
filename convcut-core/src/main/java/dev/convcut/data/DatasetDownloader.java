package dev.convcut.data;

import dev.convcut.ConvcutException;
import dev.convcut.io.AtomicFiles;
import dev.convcut.io.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads a dataset's official files, checks each against its published MD5, unpacks and reads
 * them back in a temporary folder, and only then renames that folder into the cache: an
 * interrupted or failed download leaves no cache entry behind.
 */
final class DatasetDownloader {
  private static final Logger LOG = LoggerFactory.getLogger(DatasetDownloader.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

  /** The network could not deliver a file (no route, no such host, an HTTP error). */
  static final class Unreachable extends ConvcutException {
    private static final long serialVersionUID = 1L;

    Unreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private DatasetDownloader() {}

  /** The base URL the files of {@code dataset} are fetched from: the mirror's {@code <name>/} or the official one. */
  static String baseUrl(KnownDataset dataset, DataLocations where) {
    return where.mirror() != null ? where.mirror().resolve(dataset.name() + "/").toString() : dataset.format().officialBaseUrl();
  }

  /**
   * Downloads {@code dataset} into {@link DataLocations#downloadFolder}; an existing copy is
   * refused unless {@code replace}, and then replaced only once the new one is complete.
   */
  static Path fetch(KnownDataset dataset, DataLocations where, boolean replace) {
    Path target = where.downloadFolder(dataset.name());
    String base = baseUrl(dataset, where);
    HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
    AtomicFiles.writeDirectory(target, replace, tmp -> {
      for (DatasetFormat.RemoteFile file : dataset.format().downloads()) {
        download(client, URI.create(base + file.name()), tmp.resolve(file.name()), file.md5());
      }
      dataset.format().unpack(tmp);
      for (Split split : Split.values()) {
        dataset.format().read(dataset.spec(), tmp, split, LabelKind.FINE);
      }
    });
    LOG.info("{} is now in {}", dataset.name(), target);
    return target;
  }

  private static void download(HttpClient client, URI url, Path file, String md5) throws IOException {
    LOG.info("downloading {}", url);
    HttpResponse<InputStream> response;
    try {
      response = client.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new Unreachable("could not reach " + url + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConvcutException("download of " + url + " was interrupted", e);
    }
    MessageDigest digest = md5();
    try (InputStream in = response.body()) {
      if (response.statusCode() != 200) {
        throw new Unreachable(url + " answered HTTP " + response.statusCode(), null);
      }
      long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      copy(in, file, digest, url, length);
    }
    String got = HexFormat.of().formatHex(digest.digest());
    if (!got.equalsIgnoreCase(md5)) {
      throw new ConvcutException(url + ": MD5 checksum mismatch: the download has " + got + ", the published checksum is "
          + md5 + "; the download was discarded and nothing was cached");
    }
  }

  private static void copy(InputStream in, Path file, MessageDigest digest, URI url, long length) throws IOException {
    String name = Path.of(url.getPath()).getFileName().toString();
    byte[] buffer = new byte[1 << 16];
    try (OutputStream out = Files.newOutputStream(file);
        Progress progress = new Progress("download " + name, length < 0 ? 0 : length / 1024, "KiB")) {
      long pending = 0;
      int n;
      while ((n = read(in, buffer, url)) > 0) {
        out.write(buffer, 0, n);
        digest.update(buffer, 0, n);
        pending += n;
        if (pending >= 1024) {
          progress.step(pending / 1024, "");
          pending %= 1024;
        }
      }
    }
  }

  private static int read(InputStream in, byte[] buffer, URI url) {
    try {
      return in.read(buffer);
    } catch (IOException e) {
      throw new Unreachable("the download of " + url + " broke off: " + e, e);
    }
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has MD5", e);
    }
  }
}
