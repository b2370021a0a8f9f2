package dev.convcut.data;

import java.nio.file.Path;

/**
 * Where a dataset was found, and by which rule of the search order.
 *
 * @param dataset the dataset's name
 * @param path the folder (or CIFAR archive) holding it
 * @param origin the rule that found it
 */
public record DataSource(String dataset, Path path, Origin origin) {

  /** The search order, first to last. */
  public enum Origin {
    DATA_DIR("data folder"),
    ENVIRONMENT("$" + DataLocations.DATA_VARIABLE),
    CACHE("cache"),
    SYSTEM("system"),
    DOWNLOAD("downloaded");

    private final String label;

    Origin(String label) {
      this.label = label;
    }

    /** How listings name the rule, e.g. {@code data folder} or {@code system}. */
    public String label() {
      return label;
    }
  }
}
