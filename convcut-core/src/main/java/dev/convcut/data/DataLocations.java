package dev.convcut.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Where datasets are looked for besides an explicitly given data folder, and where downloads come
 * from and go to. {@link #fromEnvironment()} reads the real settings; tests build their own.
 *
 * @param environmentRoot {@code $CONVCUT_DATA}: a folder with one sub-folder per dataset, or null
 * @param cacheRoot the per-user cache, {@code ~/.convcut/datasets}
 * @param systemRoots folders where system packages put datasets, e.g. {@code /usr/share/datasets}
 * @param mirror {@code $CONVCUT_DATA_MIRROR}: a base URL serving {@code <dataset>/<file>} in place of
 *     the official addresses, or null for the official ones
 */
public record DataLocations(Path environmentRoot, Path cacheRoot, List<Path> systemRoots, URI mirror) {
  /** The environment variable naming a folder of datasets. */
  public static final String DATA_VARIABLE = "CONVCUT_DATA";

  /** The environment variable naming a mirror to download from. */
  public static final String MIRROR_VARIABLE = "CONVCUT_DATA_MIRROR";

  public DataLocations {
    if (cacheRoot == null) {
      throw new IllegalArgumentException("the dataset cache folder must be given");
    }
    systemRoots = List.copyOf(systemRoots);
  }

  /**
   * The settings of this process: {@code $CONVCUT_DATA}, {@code ~/.convcut/datasets},
   * {@code /usr/share/datasets}, {@code $CONVCUT_DATA_MIRROR}. Where a variable is unset, the system
   * property {@code convcut.data} or {@code convcut.data.mirror} stands in (for JVM options and tests).
   */
  public static DataLocations fromEnvironment() {
    String env = setting(DATA_VARIABLE, "convcut.data");
    String mirror = setting(MIRROR_VARIABLE, "convcut.data.mirror");
    return new DataLocations(
        env == null || env.isBlank() ? null : Path.of(env),
        Path.of(System.getProperty("user.home"), ".convcut", "datasets"),
        List.of(Path.of("/usr/share/datasets")),
        mirror == null || mirror.isBlank() ? null : URI.create(mirror.endsWith("/") ? mirror : mirror + "/"));
  }

  private static String setting(String variable, String property) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? System.getProperty(property) : value;
  }

  /** Where a download of {@code dataset} is kept: under {@code $CONVCUT_DATA} when set, else the cache. */
  public Path downloadFolder(String dataset) {
    return (environmentRoot != null ? environmentRoot : cacheRoot).resolve(dataset);
  }
}
