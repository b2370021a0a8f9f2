package dev.convcut.study;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A way to run a sweep's evaluations elsewhere, registered with {@link ServiceLoader} (the
 * optional convcut-spark module registers Apache Spark). The core never depends on an
 * implementation: without one on the class path, {@link #find} is empty.
 */
public interface RemoteEvaluationsProvider {
  /**
   * Connects to {@code master} and readies the executors for {@code job}; refuses at once (with a
   * {@link dev.convcut.ConvcutException} naming the address) a master that cannot be reached.
   */
  RemoteEvaluations open(String master, SweepJob job);

  /**
   * Refuses at once a master that is malformed or cannot be reached, before a run starts work that
   * would only later need it; what cannot be checked without starting an application passes.
   */
  default void probe(String master) {}

  /** The first provider on the class path, if any. */
  static Optional<RemoteEvaluationsProvider> find() {
    return ServiceLoader.load(RemoteEvaluationsProvider.class).findFirst();
  }
}
