package dev.convcut.data;

import dev.convcut.ConvcutException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Chosen members of a tar archive (gzipped or not), read into memory and matched by file name
 * whatever folder they sit in, plus the names of every member. A damaged archive fails naming
 * it, the byte offset in the unpacked tar and the last good member.
 *
 * @param members the wanted members found, by file name
 * @param allNames the path of every member, in archive order
 */
record TarMembers(Map<String, Member> members, List<String> allNames) {

  /** One member's bytes and the name to use for it in messages ({@code archive:folder/name}). */
  record Member(String label, byte[] bytes) {}

  /** Reads the members of {@code archive} whose file names are in {@code names}. */
  static TarMembers read(Path archive, Collection<String> names) {
    Set<String> wanted = Set.copyOf(names);
    Map<String, Member> found = new LinkedHashMap<>();
    List<String> all = new ArrayList<>();
    long offset = 0;
    try (InputStream raw = CompressedFiles.open(archive);
        CompressedFiles.Counting counted = new CompressedFiles.Counting(raw);
        TarArchiveInputStream tar = new TarArchiveInputStream(counted)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        // Where the next header should start: this one's data, padded to whole 512-byte blocks.
        long next = counted.count() + (entry.getSize() + 511) / 512 * 512;
        all.add(entry.getName());
        String name = Path.of(entry.getName()).getFileName().toString();
        if (entry.isFile() && wanted.contains(name) && !found.containsKey(name)) {
          found.put(name, new Member(archive + ":" + entry.getName(), readMember(archive, tar, entry)));
        }
        offset = next;
      }
    } catch (IOException e) {
      String last = all.isEmpty() ? "none" : all.get(all.size() - 1);
      throw new ConvcutException(archive + ": corrupt tar archive near byte " + offset + " of the unpacked tar (last member read: "
          + last + "): " + e.getMessage(), e);
    }
    if (all.isEmpty()) {
      throw new ConvcutException(archive + ": holds no tar members (an empty or non-tar file)");
    }
    return new TarMembers(found, all);
  }

  private static byte[] readMember(Path archive, TarArchiveInputStream tar, TarArchiveEntry entry) throws IOException {
    long size = entry.getSize();
    if (size > Integer.MAX_VALUE - 8) {
      throw new ConvcutException(archive + ":" + entry.getName() + ": " + size + " bytes is too large for a dataset file");
    }
    byte[] bytes = tar.readNBytes((int) size);
    if (bytes.length < size) {
      throw new ConvcutException(archive + ": member " + entry.getName() + " is cut short: the archive ends after "
          + bytes.length + " of its " + size + " bytes");
    }
    return bytes;
  }
}
