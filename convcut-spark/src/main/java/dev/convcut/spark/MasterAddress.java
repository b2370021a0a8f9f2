package dev.convcut.spark;

import dev.convcut.ConvcutException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A Spark master URL as the user gave it. A standalone master ({@code spark://host:port}, or
 * several for high availability) is probed with a TCP connection before anything starts, so an
 * unreachable one is refused in seconds rather than after Spark's minute of retries.
 */
record MasterAddress(String url) {
  private static final int PROBE_MILLIS = 5_000;

  MasterAddress {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("a Spark master URL is needed: local[N], spark://host:7077, yarn or k8s://https://host:port");
    }
  }

  boolean local() {
    return url.equals("local") || url.startsWith("local[") || url.startsWith("local-cluster[");
  }

  boolean standalone() {
    return url.startsWith("spark://");
  }

  /** Refuses a standalone master none of whose addresses accepts a connection. */
  void probe() {
    if (!standalone()) {
      return;
    }
    List<String> failures = new ArrayList<>();
    for (String hostPort : url.substring("spark://".length()).split(",")) {
      int colon = hostPort.lastIndexOf(':');
      String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      int port;
      try {
        port = colon < 0 ? 7077 : Integer.parseInt(hostPort.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Spark master " + url + ": '" + hostPort + "' is not host:port");
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(host, port), PROBE_MILLIS);
        return;
      } catch (IOException e) {
        failures.add(host + ":" + port + " (" + e.getMessage() + ")");
      }
    }
    throw new ConvcutException("cannot reach the Spark master at " + url + ": " + String.join(", ", failures)
        + "; is the master running there (docs/spark.md)?");
  }
}
